package dev.clod.gateway.api;

/** The request body is over the configured limit (413). */
public final class RequestTooLargeException extends ClodException {

    public RequestTooLargeException(long limitBytes) {
        super(
                413,
                "invalid_request_error",
                "request_too_large",
                null,
                "Request body is larger than the limit of " + limitBytes + " bytes.",
                null);
    }
}
