package dev.clod.gateway.api;

/** Something the request names by id or name, other than a model, does not exist (404). */
public final class ResourceNotFoundException extends ClodException {

    /** @param param the request field that named it, e.g. {@code project} */
    public ResourceNotFoundException(String message, String param) {
        super(404, "invalid_request_error", "not_found", param, message, null);
    }
}
