package dev.clod.gateway.provider.openai;

import dev.clod.gateway.api.FailureClass;
import dev.clod.gateway.api.UpstreamException;
import dev.clod.gateway.api.json.ChatJson;
import dev.clod.gateway.api.json.ErrorBody;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Turns every way an upstream call can fail into an {@link UpstreamException} with its class. */
final class UpstreamFailures {

    /** Upstream messages are kept for the caller and the log, but never at any length. */
    static final int MAX_MESSAGE = 500;

    private UpstreamFailures() {}

    /** A non-2xx answer; the message is the server's own when it used an error envelope. */
    static UpstreamException ofStatus(int status, byte[] body, String deployment) {
        String message = ChatJson.readError(body)
                .map(ErrorBody::message)
                .filter(m -> !m.isBlank())
                .orElse("upstream answered HTTP " + status);
        return new UpstreamException(FailureClass.ofStatus(status), deployment, status, cap(message), null);
    }

    /**
     * An error envelope where an answer or a chunk was expected. A numeric code is taken as the status
     * the server meant; otherwise it is classed by its code, and transient when that says nothing.
     */
    static UpstreamException ofErrorBody(ErrorBody error, int httpStatus, String deployment) {
        int meant = error.codeAsStatus();
        FailureClass failureClass;
        if (meant != 0) {
            failureClass = FailureClass.ofStatus(meant);
        } else if (isRateLimit(error.code()) || isRateLimit(error.type())) {
            failureClass = FailureClass.RATE_LIMITED;
        } else {
            failureClass = FailureClass.TRANSIENT;
        }
        String message = error.message() == null || error.message().isBlank()
                ? "upstream sent an error without a message"
                : error.message();
        return new UpstreamException(failureClass, deployment, meant != 0 ? meant : httpStatus, cap(message), null);
    }

    private static boolean isRateLimit(String code) {
        return "rate_limit_exceeded".equals(code) || "rate_limit_error".equals(code);
    }

    /** A 2xx answer whose body could not be read. */
    static UpstreamException malformed(int status, Throwable cause, String deployment) {
        return new UpstreamException(
                FailureClass.TRANSIENT,
                deployment,
                status,
                "upstream answered HTTP " + status + " with a body that is not a chat completion",
                cause);
    }

    /** No usable HTTP answer: refused or broken connection, timeout, or anything else thrown. */
    static UpstreamException ofThrowable(Throwable thrown, String deployment) {
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

    static String cap(String message) {
        return message.length() <= MAX_MESSAGE ? message : message.substring(0, MAX_MESSAGE) + "…";
    }
}
