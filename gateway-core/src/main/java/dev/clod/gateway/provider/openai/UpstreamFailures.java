package dev.clod.gateway.provider.openai;

import dev.clod.gateway.api.FailureClass;
import dev.clod.gateway.api.UpstreamException;
import dev.clod.gateway.api.json.ChatJson;
import dev.clod.gateway.api.json.ErrorBody;
import dev.clod.gateway.provider.http.RetryAfter;
import dev.clod.gateway.provider.http.TransportFailures;
import java.net.http.HttpHeaders;

/**
 * Turns OpenAI-style error answers into an {@link UpstreamException} with its class. Failures below
 * the wire format (no connection, timeouts) are {@link TransportFailures}' business.
 */
final class UpstreamFailures {

    /** Upstream messages are kept for the caller and the log, but never at any length. */
    static final int MAX_MESSAGE = TransportFailures.MAX_MESSAGE;

    private UpstreamFailures() {}

    /**
     * A non-2xx answer; the message is the server's own when it used an error envelope, and a {@code
     * retry-after} header is kept.
     */
    static UpstreamException ofStatus(int status, HttpHeaders headers, byte[] body, String deployment) {
        String message = ChatJson.readError(body)
                .map(ErrorBody::message)
                .filter(m -> !m.isBlank())
                .orElse("upstream answered HTTP " + status);
        return new UpstreamException(
                FailureClass.ofStatus(status),
                deployment,
                status,
                TransportFailures.cap(message),
                null,
                RetryAfter.of(headers));
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
        return new UpstreamException(
                failureClass, deployment, meant != 0 ? meant : httpStatus, TransportFailures.cap(message), null);
    }

    private static boolean isRateLimit(String code) {
        return "rate_limit_exceeded".equals(code) || "rate_limit_error".equals(code);
    }
}
