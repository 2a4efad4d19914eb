package dev.clod.gateway.provider.http;

import dev.clod.gateway.api.FailureClass;
import dev.clod.gateway.api.UpstreamException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Failures that happen below any wire format: no connection, no answer in time, a broken connection,
 * or a 2xx body the adapter could not read. Every adapter classes them the same way.
 */
public final class TransportFailures {

    /** Upstream messages are kept for the caller and the log, but never at any length. */
    public static final int MAX_MESSAGE = 500;

    private TransportFailures() {}

    /** No usable HTTP answer: refused or broken connection, timeout, or anything else thrown. */
    public static UpstreamException ofThrowable(Throwable thrown, String deployment) {
        Throwable cause = unwrap(thrown);
        if (cause instanceof UpstreamException upstream) {
            return upstream;
        }
        if (cause instanceof HttpTimeoutException) {
            return new UpstreamException(
                    FailureClass.TIMEOUT,
                    deployment,
                    0,
                    "upstream did not answer in time: " + cause.getMessage(),
                    cause);
        }
        if (cause instanceof ConnectException) {
            return new UpstreamException(
                    FailureClass.TRANSIENT, deployment, 0, "could not connect to upstream: " + describe(cause), cause);
        }
        if (cause instanceof IOException) {
            return new UpstreamException(
                    FailureClass.TRANSIENT, deployment, 0, "upstream connection failed: " + describe(cause), cause);
        }
        return new UpstreamException(
                FailureClass.TRANSIENT, deployment, 0, "upstream call failed: " + describe(cause), cause);
    }

    /**
     * A 2xx answer whose body could not be read.
     *
     * @param what what the body should have been, e.g. {@code a chat completion}
     */
    public static UpstreamException malformed(int status, String what, Throwable cause, String deployment) {
        return new UpstreamException(
                FailureClass.TRANSIENT,
                deployment,
                status,
                "upstream answered HTTP " + status + " with a body that is not " + what,
                cause);
    }

    /** The stream ended without the event that says the answer is complete. */
    public static UpstreamException cutShort(int status, String deployment) {
        return new UpstreamException(
                FailureClass.TRANSIENT, deployment, status, "upstream closed the stream before it finished", null);
    }

    /** The message cut to {@link #MAX_MESSAGE} characters. */
    public static String cap(String message) {
        return message.length() <= MAX_MESSAGE ? message : message.substring(0, MAX_MESSAGE) + "…";
    }

    private static Throwable unwrap(Throwable thrown) {
        Throwable cause = thrown;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static String describe(Throwable cause) {
        String message = cause.getMessage();
        return cap(message == null ? cause.getClass().getSimpleName() : message);
    }
}
