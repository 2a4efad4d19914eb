package dev.clod.gateway.api;

/** The request is malformed or asks for something impossible (400). Retrying it elsewhere won't help. */
public final class InvalidRequestException extends ClodException {

    public InvalidRequestException(String message, String param, String code) {
        super(400, "invalid_request_error", code, param, message, null);
    }

    public InvalidRequestException(String message, String param) {
        this(message, param, null);
    }
}
