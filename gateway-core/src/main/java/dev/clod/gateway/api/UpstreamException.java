package dev.clod.gateway.api;

import java.util.Objects;

/**
 * One upstream call failed. {@code upstreamStatus} is the provider's HTTP status, or 0 when there
 * was no HTTP answer (connection refused, timeout). A caller fault keeps the upstream's 400-class
 * status and message so the client sees what it got wrong; anything else answers 502.
 */
public final class UpstreamException extends ClodException {

    private final FailureClass failureClass;
    private final String deployment;
    private final int upstreamStatus;

    public UpstreamException(
            FailureClass failureClass, String deployment, int upstreamStatus, String message, Throwable cause) {
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
