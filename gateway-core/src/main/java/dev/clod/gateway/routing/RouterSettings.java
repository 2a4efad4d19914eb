package dev.clod.gateway.routing;

import dev.clod.gateway.api.FailureClass;
import java.time.Duration;
import java.util.Objects;

/**
 * How quickly the router forgets and how long it avoids a failing deployment.
 *
 * @param statsHalfLife after this long a latency or throughput sample counts half as much
 * @param cooldownBase how long the first failure in a row keeps a deployment back; each further one
 *     doubles it
 * @param cooldownMax the longest cooldown, and the one for credential and model-gone failures
 */
public record RouterSettings(Duration statsHalfLife, Duration cooldownBase, Duration cooldownMax) {

    public RouterSettings {
        requirePositive(statsHalfLife, "statsHalfLife");
        requirePositive(cooldownBase, "cooldownBase");
        requirePositive(cooldownMax, "cooldownMax");
        if (cooldownBase.compareTo(cooldownMax) > 0) {
            throw new IllegalArgumentException(
                    "cooldownBase (" + cooldownBase + ") must not exceed cooldownMax (" + cooldownMax + ")");
        }
    }

    /** Half-life 5 minutes, cooldown from 5 seconds up to 5 minutes. */
    public static RouterSettings defaults() {
        return new RouterSettings(Duration.ofMinutes(5), Duration.ofSeconds(5), Duration.ofMinutes(5));
    }

    /**
     * How long a deployment cools down after a failure: {@code cooldownBase × 2^(n−1)} for the n-th
     * failure in a row, capped at {@code cooldownMax}; the cap at once when only an operator can help
     * (credentials, a model the upstream no longer serves); none for a caller fault, where the request
     * was bad, not the deployment.
     *
     * @param consecutiveFailures the failures in a row, this one included (at least 1)
     */
    public Duration cooldownAfter(FailureClass failureClass, int consecutiveFailures) {
        Objects.requireNonNull(failureClass, "failureClass");
        switch (failureClass) {
            case CALLER_FAULT:
                return Duration.ZERO;
            case CREDENTIAL:
            case MODEL_GONE:
                return cooldownMax;
            default:
                int doublings = Math.max(0, consecutiveFailures - 1);
                long baseMillis = cooldownBase.toMillis();
                // Shifting past the leading zeros would overflow; by then the cap applies anyway.
                if (doublings >= Long.numberOfLeadingZeros(baseMillis) - 1) {
                    return cooldownMax;
                }
                long millis = baseMillis << doublings;
                return millis >= cooldownMax.toMillis() ? cooldownMax : Duration.ofMillis(millis);
        }
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.toMillis() <= 0) {
            throw new IllegalArgumentException(name + " must be at least one millisecond, was " + duration);
        }
    }
}
