package dev.clod.camel;

import dev.clod.gateway.api.ClodException;

/**
 * An error a clod gateway server answered with, or the failure to reach it. It carries the server's
 * OpenAI-shaped error as {@link #status()}, {@link #type()}, {@link #code()} and {@link #param()}, so
 * a route handles remote errors exactly as it handles the embedded gateway's {@link ClodException}s.
 */
public final class ClodRemoteException extends ClodException {

    /** The type given to a failure to reach the server at all, as OpenAI's SDKs name it. */
    public static final String CONNECTION_ERROR = "api_connection_error";

    public ClodRemoteException(int status, String type, String code, String param, String message, Throwable cause) {
        super(status, type, code, param, message, cause);
    }
}
