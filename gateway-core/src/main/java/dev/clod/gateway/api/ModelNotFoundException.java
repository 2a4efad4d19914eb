package dev.clod.gateway.api;

/** The model string names no model in the catalog (404). The message lists what does exist. */
public final class ModelNotFoundException extends ClodException {

    public ModelNotFoundException(String message) {
        super(404, "invalid_request_error", "model_not_found", "model", message, null);
    }
}
