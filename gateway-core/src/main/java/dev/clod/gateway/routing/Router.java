package dev.clod.gateway.routing;

import dev.clod.gateway.api.FailureClass;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Ranks the deployments able to serve a request by a {@link Strategy}, and keeps the live statistics
 * that ranking needs: decayed averages of time to first token and output tokens per second, and
 * cooldowns after failures.
 *
 * <p>Each objective of the strategy is normalised across the candidates to [0, 1] (0 best, all equal
 * 0) and the sum decides, lowest first; ties keep the order the candidates came in. A deployment with
 * no recent sample for a measured objective gets the best score for it, so it is tried and measured.
 * Deployments cooling down are never dropped, only ranked after every healthy one (healthy and cooling
 * candidates are normalised separately, so a cooling deployment never shifts how the healthy ones
 * compare).
 *
 * <p>Thread-safe and lock-free: statistics are immutable states swapped by compare-and-set, and
 * {@link #route} only reads them.
 */
public final class Router {

    // Sort keys pack (cooling, score, index) into one long so ranking sorts primitives.
    private static final int INDEX_BITS = 20;
    private static final int MAX_CANDIDATES = 1 << INDEX_BITS;
    private static final double SCORE_SCALE = 0x1p40; // scores are at most 3, so 42 bits
    private static final long COOLING_BIT = 1L << 62;

    private final Clock clock;
    private final RouterSettings settings;
    private final double halfLifeMillis;
    private final ConcurrentHashMap<String, AtomicReference<DeploymentState>> states = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Expectation> expectations = new ConcurrentHashMap<>();

    /** What a deployment is known to deliver before it is measured. */
    private record Expectation(double ttftMillis, double tokensPerSecond) {}

    public Router(Clock clock, RouterSettings settings) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.halfLifeMillis = settings.statsHalfLife().toMillis();
    }

    /**
     * Ranks the candidates, best first.
     *
     * @param candidates every deployment able to serve the request, priced, in a stable order (it
     *     breaks ties); not empty
     */
    public RouteDecision route(List<Candidate> candidates, Strategy strategy) {
        Objects.requireNonNull(strategy, "strategy");
        Candidate[] in = candidates.toArray(new Candidate[0]);
        int n = in.length;
        if (n == 0) {
            throw new IllegalArgumentException("there is no candidate to route to");
        }
        if (n > MAX_CANDIDATES) {
            throw new IllegalArgumentException("too many candidates: " + n);
        }
        long now = clock.millis();
        double[] cost = new double[n];
        double[] ttft = new double[n];
        double[] rate = new double[n];
        boolean[] ttftMeasured = new boolean[n];
        boolean[] rateMeasured = new boolean[n];
        // Known: measured, or expected from what the deployment declares; what is neither is explored.
        boolean[] ttftKnown = new boolean[n];
        boolean[] rateKnown = new boolean[n];
        boolean[] cooling = new boolean[n];
        boolean anyCooling = false;
        boolean allCooling = true;
        for (int i = 0; i < n; i++) {
            Candidate candidate = in[i];
            // Costs are only compared, and a double keeps that free of allocation.
            cost[i] = candidate.expectedCostUsd().doubleValue();
            AtomicReference<DeploymentState> ref =
                    states.get(candidate.deployment().id());
            if (ref != null) {
                DeploymentState state = ref.get();
                if (state.ttft().trustedAt(now)) {
                    ttftMeasured[i] = true;
                    ttft[i] = state.ttft().average();
                }
                if (state.tokenRate().trustedAt(now)) {
                    rateMeasured[i] = true;
                    rate[i] = state.tokenRate().average();
                }
                cooling[i] = state.coolingAt(now);
            }
            ttftKnown[i] = ttftMeasured[i];
            rateKnown[i] = rateMeasured[i];
            if (!(ttftMeasured[i] && rateMeasured[i]) && !expectations.isEmpty()) {
                Expectation expected = expectations.get(candidate.deployment().id());
                if (expected != null && !ttftMeasured[i]) {
                    ttft[i] = expected.ttftMillis();
                    ttftKnown[i] = true;
                }
                if (expected != null && !rateMeasured[i]) {
                    rate[i] = expected.tokensPerSecond();
                    rateKnown[i] = true;
                }
            }
            anyCooling |= cooling[i];
            allCooling &= cooling[i];
        }

        double[] score = new double[n];
        // Healthy and cooling candidates are normalised apart, so a deployment cooling down never
        // changes how the healthy ones compare.
        boolean[] tierOf = anyCooling && !allCooling ? cooling : null;
        addObjectives(strategy, cost, ttft, ttftKnown, rate, rateKnown, tierOf, false, score);
        if (tierOf != null) {
            addObjectives(strategy, cost, ttft, ttftKnown, rate, rateKnown, tierOf, true, score);
        }

        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            keys[i] = (cooling[i] ? COOLING_BIT : 0) | ((long) (score[i] * SCORE_SCALE) << INDEX_BITS) | i;
        }
        Arrays.sort(keys);
        ScoredCandidate[] ranked = new ScoredCandidate[n];
        for (int r = 0; r < n; r++) {
            int i = (int) (keys[r] & (MAX_CANDIDATES - 1));
            Candidate candidate = in[i];
            ranked[r] = new ScoredCandidate(
                    candidate.deployment(),
                    candidate.expectedCostUsd(),
                    ttft[i],
                    ttftMeasured[i],
                    rate[i],
                    rateMeasured[i],
                    score[i],
                    cooling[i]);
        }
        return new RouteDecision(strategy, List.of(ranked));
    }

    /** Objectives are added in one fixed order, so the same tag set always gives bit-identical sums. */
    private static void addObjectives(
            Strategy strategy,
            double[] cost,
            double[] ttft,
            boolean[] ttftMeasured,
            double[] rate,
            boolean[] rateMeasured,
            boolean[] tierOf,
            boolean tier,
            double[] score) {
        if (strategy.has(Objective.PRICE)) {
            addNormalised(cost, null, true, tierOf, tier, score);
        }
        if (strategy.has(Objective.LATENCY)) {
            addNormalised(ttft, ttftMeasured, true, tierOf, tier, score);
        }
        if (strategy.has(Objective.TOKEN_RATE)) {
            addNormalised(rate, rateMeasured, false, tierOf, tier, score);
        }
    }

    /**
     * Adds one objective, normalised to [0, 1] with 0 best, to the scores of one tier. The range spans
     * the measured candidates only; unmeasured ones add 0, the optimistic prior that gets them tried.
     *
     * @param measured null when every value is known (prices)
     * @param tierOf which candidates are cooling down, or null to normalise all together
     * @param tier the tier to normalise: cooling ({@code true}) or healthy
     */
    private static void addNormalised(
            double[] values,
            boolean[] measured,
            boolean lowerIsBetter,
            boolean[] tierOf,
            boolean tier,
            double[] score) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < values.length; i++) {
            if ((tierOf == null || tierOf[i] == tier) && (measured == null || measured[i])) {
                min = Math.min(min, values[i]);
                max = Math.max(max, values[i]);
            }
        }
        double range = max - min;
        if (!(range > 0) || range == Double.POSITIVE_INFINITY) {
            return;
        }
        for (int i = 0; i < values.length; i++) {
            if ((tierOf == null || tierOf[i] == tier) && (measured == null || measured[i])) {
                score[i] += lowerIsBetter ? (values[i] - min) / range : (max - values[i]) / range;
            }
        }
    }

    /**
     * Records a successful call: a latency and a throughput sample, the end of any cooldown and of the
     * failure streak.
     *
     * @param timeToFirstToken null when the call did not observe it
     * @param outputTokens tokens generated; fewer than 2 give no throughput sample
     * @param generationTime from the first token to the end; null or zero gives no throughput sample
     */
    public void recordSuccess(
            String deploymentId, Duration timeToFirstToken, int outputTokens, Duration generationTime) {
        double ttftMillis = Double.NaN;
        if (timeToFirstToken != null && !timeToFirstToken.isNegative()) {
            ttftMillis = timeToFirstToken.toNanos() / 1e6;
        }
        double tokensPerSecond = Double.NaN;
        if (outputTokens >= 2 && generationTime != null && !generationTime.isNegative() && !generationTime.isZero()) {
            tokensPerSecond = outputTokens / (generationTime.toNanos() / 1e9);
        }
        long now = clock.millis();
        double sampleTtft = ttftMillis;
        double sampleRate = tokensPerSecond;
        state(deploymentId).updateAndGet(state -> state.succeeded(sampleTtft, sampleRate, now, halfLifeMillis));
    }

    /**
     * Declares what a deployment is expected to deliver, such as a simulated provider's configured
     * speed. The expectation stands in for measurements while there are none (instead of the
     * optimistic prior that would have it explored) and gives way to them as they arrive.
     */
    public void expect(String deploymentId, Duration timeToFirstToken, double tokensPerSecond) {
        Objects.requireNonNull(deploymentId, "deploymentId");
        if (timeToFirstToken.isNegative() || !(tokensPerSecond > 0)) {
            throw new IllegalArgumentException("an expected time to first token is >= 0 and a token rate > 0");
        }
        expectations.put(deploymentId, new Expectation(timeToFirstToken.toNanos() / 1e6, tokensPerSecond));
    }

    /** Records a failed call; see {@link RouterSettings#cooldownAfter} for how long it cools down. */
    public void recordFailure(String deploymentId, FailureClass failureClass) {
        recordFailure(deploymentId, failureClass, null);
    }

    /**
     * Records a failed call whose upstream said how long to wait ({@code retry-after}): the deployment
     * cools down at least that long, never longer than the longest cooldown.
     *
     * @param retryAfter the upstream's wait, or null when it gave none
     */
    public void recordFailure(String deploymentId, FailureClass failureClass, Duration retryAfter) {
        Objects.requireNonNull(failureClass, "failureClass");
        if (failureClass == FailureClass.CALLER_FAULT) {
            return;
        }
        long now = clock.millis();
        state(deploymentId).updateAndGet(state -> {
            int failures = state.consecutiveFailures() + 1;
            Duration cooldown = settings.cooldownAfter(failureClass, failures);
            if (retryAfter != null && retryAfter.compareTo(cooldown) > 0) {
                cooldown = retryAfter.compareTo(settings.cooldownMax()) < 0 ? retryAfter : settings.cooldownMax();
            }
            return state.failed(saturatedAdd(now, cooldown.toMillis()));
        });
    }

    /** What the router knows about a deployment, or empty when it has recorded nothing for it. */
    public Optional<DeploymentSnapshot> stats(String deploymentId) {
        AtomicReference<DeploymentState> ref = states.get(deploymentId);
        if (ref == null) {
            return Optional.empty();
        }
        DeploymentState state = ref.get();
        long now = clock.millis();
        return Optional.of(new DeploymentSnapshot(
                deploymentId,
                state.ttft().average(),
                state.ttft().weightAt(now, halfLifeMillis),
                state.ttft().trustedAt(now),
                state.tokenRate().average(),
                state.tokenRate().weightAt(now, halfLifeMillis),
                state.tokenRate().trustedAt(now),
                state.consecutiveFailures(),
                state.coolingAt(now) ? Instant.ofEpochMilli(state.cooldownUntilMillis()) : null));
    }

    private AtomicReference<DeploymentState> state(String deploymentId) {
        Objects.requireNonNull(deploymentId, "deploymentId");
        AtomicReference<DeploymentState> ref = states.get(deploymentId);
        return ref != null
                ? ref
                : states.computeIfAbsent(deploymentId, id -> new AtomicReference<>(DeploymentState.INITIAL));
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
    }
}
