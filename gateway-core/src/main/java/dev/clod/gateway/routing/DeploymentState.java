package dev.clod.gateway.routing;

/**
 * Everything the router remembers about one deployment. Immutable: writers swap in a new state with a
 * compare-and-set, so readers on the request path never lock and always see a consistent whole.
 *
 * @param cooldownUntilMillis the deployment is held back while the clock is before this instant
 */
record DeploymentState(
        DecayedAverage ttft, DecayedAverage tokenRate, int consecutiveFailures, long cooldownUntilMillis) {

    static final DeploymentState INITIAL =
            new DeploymentState(DecayedAverage.EMPTY, DecayedAverage.EMPTY, 0, Long.MIN_VALUE);

    /**
     * A success ends any cooldown and the failure streak.
     *
     * @param ttftMillis the sample, or NaN when the call did not measure one
     * @param tokensPerSecond the sample, or NaN when the call did not measure one
     */
    DeploymentState succeeded(double ttftMillis, double tokensPerSecond, long nowMillis, double halfLifeMillis) {
        return new DeploymentState(
                Double.isNaN(ttftMillis) ? ttft : ttft.plus(ttftMillis, nowMillis, halfLifeMillis),
                Double.isNaN(tokensPerSecond) ? tokenRate : tokenRate.plus(tokensPerSecond, nowMillis, halfLifeMillis),
                0,
                Long.MIN_VALUE);
    }

    /** One more failure in a row, cooling down until the later of the current and the new end. */
    DeploymentState failed(long cooldownUntil) {
        return new DeploymentState(
                ttft,
                tokenRate,
                consecutiveFailures == Integer.MAX_VALUE ? consecutiveFailures : consecutiveFailures + 1,
                Math.max(cooldownUntilMillis, cooldownUntil));
    }

    boolean coolingAt(long nowMillis) {
        return nowMillis < cooldownUntilMillis;
    }
}
