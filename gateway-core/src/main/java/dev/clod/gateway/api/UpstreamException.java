package dev.clod.gateway.api;

import java.time.Duration;
import java.util.Objects;

/**
 * One upstream call failed. {@code upstreamStatus} is the provider's HTTP status, or 0 when there
 * was no HTTP answer (connection refused, timeout). A caller fault keeps the upstream's 400-class
 * status and message so the client sees what it got wrong; anything else answers 502.
 *
 * <p>{@link #retryAfter()} is how long the upstream asked us to wait before calling it again (its
 * {@code retry-after} header or an equivalent in its error body), when it said so.
 */
public final class UpstreamException extends ClodException {

    private final FailureClass failureClass;
    private final String deployment;
    private final int upstreamStatus;
    private final Duration retryAfter;

    public UpstreamException(
            FailureClass failureClass, String deployment, int upstreamStatus, String message, Throwable cause) {
        this(failureClass, deployment, upstreamStatus, message, cause, null);
    }

    /** @param retryAfter how long the upstream asked to be left alone; null when it did not say */
    public UpstreamException(
            FailureClass failureClass,
            String deployment,
            int upstreamStatus,
            String message,
            Throwable cause,
            Duration retryAfter) {
        super(
                statusFor(failureClass, upstreamStatus),
                failureClass == FailureClass.CALLER_FAULT ? "invalid_request_error" : "upstream_error",
                codeFor(failureClass),
                null,
                message,
                cause);
        this.failureClass = Objects.requireNonNull(failureClass, "failureClass");
        this.deployment = deployment;
        this.upstreamStatus = upstreamStatus;
        this.retryAfter = retryAfter == null || retryAfter.isNegative() ? null : retryAfter;
    }

    public FailureClass failureClass() {
        return failureClass;
    }

    /** The deployment that failed, {@code model/provider}. */
    public String deployment() {
        return deployment;
    }

    public int upstreamStatus() {
        return upstreamStatus;
    }

    /** How long the upstream asked to be left alone before the next call, or null when it did not say. */
    public Duration retryAfter() {
        return retryAfter;
    }

    private static int statusFor(FailureClass failureClass, int upstreamStatus) {
        return switch (failureClass) {
            case CALLER_FAULT -> upstreamStatus >= 400 && upstreamStatus < 500 ? upstreamStatus : 400;
            case RATE_LIMITED -> 429;
            case TIMEOUT -> 504;
            default -> 502;
        };
    }

    private static String codeFor(FailureClass failureClass) {
        return switch (failureClass) {
            case RATE_LIMITED -> "rate_limit_exceeded";
            case TIMEOUT -> "upstream_timeout";
            case CREDENTIAL -> "upstream_credentials_rejected";
            case MODEL_GONE -> "upstream_model_not_found";
            case TRANSIENT -> "upstream_unavailable";
            case CALLER_FAULT -> null;
        };
    }
}
