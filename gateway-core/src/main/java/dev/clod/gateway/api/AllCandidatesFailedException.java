package dev.clod.gateway.api;

import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;

/**
 * Every candidate deployment was tried and failed. The causes are kept in the order they were tried.
 * The status says what they had in common: 429 if every one was rate-limited, 504 if every one timed
 * out, else 502.
 */
public final class AllCandidatesFailedException extends ClodException {

    private final List<UpstreamException> causes;

    public AllCandidatesFailedException(String model, List<UpstreamException> causes) {
        super(
                statusFor(causes),
                "upstream_error",
                codeFor(causes),
                null,
                message(model, causes),
                causes.isEmpty() ? null : causes.get(causes.size() - 1));
        this.causes = List.copyOf(causes);
        causes.forEach(this::addSuppressed);
    }

    public List<UpstreamException> causes() {
        return causes;
    }

    /**
     * When every deployment was rate-limited, the soonest any of them said it could be called again,
     * in whole seconds rounded up; 1 when none said. Empty when not every one was rate-limited.
     */
    public OptionalLong retryAfterSeconds() {
        if (!all(causes, FailureClass.RATE_LIMITED)) {
            return OptionalLong.empty();
        }
        long soonest = Long.MAX_VALUE;
        for (UpstreamException cause : causes) {
            Duration wait = cause.retryAfter();
            if (wait != null) {
                long seconds = wait.getSeconds() + (wait.getNano() > 0 ? 1 : 0);
                soonest = Math.min(soonest, Math.max(1, seconds));
            }
        }
        return OptionalLong.of(soonest == Long.MAX_VALUE ? 1 : soonest);
    }

    private static boolean all(List<UpstreamException> causes, FailureClass failureClass) {
        return !causes.isEmpty() && causes.stream().allMatch(c -> c.failureClass() == failureClass);
    }

    private static int statusFor(List<UpstreamException> causes) {
        if (all(causes, FailureClass.RATE_LIMITED)) {
            return 429;
        }
        if (all(causes, FailureClass.TIMEOUT)) {
            return 504;
        }
        return 502;
    }

    private static String codeFor(List<UpstreamException> causes) {
        if (all(causes, FailureClass.RATE_LIMITED)) {
            return "rate_limit_exceeded";
        }
        if (all(causes, FailureClass.TIMEOUT)) {
            return "upstream_timeout";
        }
        return "all_deployments_failed";
    }

    private static String message(String model, List<UpstreamException> causes) {
        StringBuilder text = new StringBuilder("Every deployment of '")
                .append(model)
                .append("' failed (")
                .append(causes.size())
                .append(" tried):");
        for (UpstreamException cause : causes) {
            text.append(' ')
                    .append(cause.deployment())
                    .append(": ")
                    .append(cause.failureClass().name().toLowerCase(java.util.Locale.ROOT))
                    .append(';');
        }
        return text.substring(0, text.length() - 1) + ".";
    }
}
