package dev.clod.gateway.routing;

import java.time.Instant;

/**
 * What the router currently knows about one deployment, for debug endpoints and metrics.
 *
 * @param ttftMillis decayed average time to first token; 0 when never sampled
 * @param ttftWeight decayed sample weight behind that average, as of now (one fresh sample weighs 1)
 * @param ttftMeasured whether the weight is still high enough for routing to trust the average
 * @param tokensPerSecond decayed average output rate; 0 when never sampled
 * @param tokenRateWeight decayed sample weight behind that average, as of now
 * @param tokenRateMeasured whether routing trusts that average
 * @param consecutiveFailures failures since the last success (caller faults do not count)
 * @param cooldownUntil when the current cooldown ends, or null when the deployment is not cooling down
 */
public record DeploymentSnapshot(
        String deploymentId,
        double ttftMillis,
        double ttftWeight,
        boolean ttftMeasured,
        double tokensPerSecond,
        double tokenRateWeight,
        boolean tokenRateMeasured,
        int consecutiveFailures,
        Instant cooldownUntil) {

    /** Whether the deployment is cooling down as of the snapshot. */
    public boolean coolingDown() {
        return cooldownUntil != null;
    }
}
