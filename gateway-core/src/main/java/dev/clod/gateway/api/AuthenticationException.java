package dev.clod.gateway.api;

/** No key, an unknown key or a revoked key (401). */
public final class AuthenticationException extends ClodException {

    public AuthenticationException(String message) {
        super(401, "invalid_request_error", "invalid_api_key", null, message, null);
    }
}
