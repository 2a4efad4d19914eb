package dev.clod.server.http;

import dev.clod.gateway.api.AllCandidatesFailedException;
import dev.clod.gateway.api.ClodException;
import dev.clod.gateway.api.QuotaExceededException;
import dev.clod.gateway.api.RateLimitException;
import dev.clod.gateway.api.json.ChatJson;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers with errors in OpenAI's shape, {@code {"error":{"message","type","param","code"}}}, the only
 * shape every SDK unwraps. Anything that is not a {@link ClodException} is a defect here: it is logged
 * with its stack trace and the client sees a plain 500 without one.
 */
public final class ErrorReplies {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorReplies.class);

    private ErrorReplies() {}

    public static void send(HttpServerResponse response, Throwable error) {
        if (response.ended() || response.closed()) {
            return;
        }
        ClodException clod = asClodException(error);
        if (response.headWritten()) {
            // A stream has begun: the status is gone, so the error travels as one more event.
            response.end(Buffer.buffer("data: ")
                    .appendBytes(ChatJson.writeError(clod))
                    .appendString("\n\n"));
            return;
        }
        if (clod instanceof RateLimitException limited) {
            response.putHeader("retry-after", Long.toString(limited.retryAfterSeconds()));
        } else if (clod instanceof AllCandidatesFailedException failed
                && failed.retryAfterSeconds().isPresent()) {
            // The soonest any rate-limited upstream said it would take calls again.
            response.putHeader(
                    "retry-after", Long.toString(failed.retryAfterSeconds().getAsLong()));
        } else if (clod.status() == 429 && !(clod instanceof QuotaExceededException)) {
            // Upstream rate limits rarely last long, and the router cools the limited deployments down.
            response.putHeader("retry-after", "1");
        }
        response.setStatusCode(clod.status())
                .putHeader("content-type", "application/json")
                .end(Buffer.buffer(ChatJson.writeError(clod)));
    }

    public static ClodException asClodException(Throwable error) {
        Throwable cause = error;
        while (cause != null && !(cause instanceof ClodException)) {
            cause = cause.getCause();
        }
        if (cause instanceof ClodException clod) {
            return clod;
        }
        LOG.error("unexpected error while serving a request", error);
        return new InternalError();
    }

    /** The answer to a defect: no detail that could leak internals. */
    static final class InternalError extends ClodException {
        InternalError() {
            super(
                    500,
                    "server_error",
                    "internal_error",
                    null,
                    "The gateway hit an unexpected error. It was logged.",
                    null);
        }
    }
}
