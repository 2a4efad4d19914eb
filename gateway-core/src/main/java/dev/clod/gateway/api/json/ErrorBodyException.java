package dev.clod.gateway.api.json;

/**
 * A payload expected to be a response or a chunk was an error envelope instead, as servers send
 * when a stream fails midway or (some proxies) with a 200 status.
 */
public final class ErrorBodyException extends RuntimeException {

    private final transient ErrorBody error;

    public ErrorBodyException(ErrorBody error) {
        super(error.message() == null ? "upstream sent an error without a message" : error.message());
        this.error = error;
    }

    public ErrorBody error() {
        return error;
    }
}
