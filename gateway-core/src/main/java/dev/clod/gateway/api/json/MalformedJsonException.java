package dev.clod.gateway.api.json;

/**
 * A response, chunk or error body from an upstream could not be read as OpenAI's shape. Provider
 * adapters treat it as a transient upstream failure; it never describes a caller's mistake.
 */
public final class MalformedJsonException extends IllegalArgumentException {

    public MalformedJsonException(String message, Throwable cause) {
        super(message, cause);
    }
}
