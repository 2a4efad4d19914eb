package dev.clod.gateway.routing;

import static dev.clod.gateway.routing.Fixtures.candidate;
import static org.assertj.core.api.Assertions.assertThat;

import dev.clod.gateway.api.FailureClass;
import dev.clod.gateway.testing.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RouterConcurrencyTest {

    private static final int THREADS = 8;
    private static final int ROUNDS = 2_000;

    private final List<Candidate> candidates = List.of(
            candidate("a", "0.003"), candidate("b", "0.001"), candidate("flaky", "0.0005"), candidate("c", "0.002"));
    private final Strategy strategy = Strategy.of(Objective.PRICE, Objective.LATENCY, Objective.TOKEN_RATE);

    @Test
    void concurrentRecordingLosesNoSampleAndRoutingAlwaysSeesAConsistentRanking() throws Exception {
        // The clock stands still, so no sample decays and the totals are exact.
        Router router = new Router(new MutableClock(Fixtures.START), RouterSettings.defaults());
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                workers.add(pool.submit(() -> {
                    start.await();
                    for (int round = 0; round < ROUNDS; round++) {
                        router.recordSuccess("a", Duration.ofMillis(round % 2 == 0 ? 100 : 300), 0, null);
                        router.recordSuccess("b", null, 100, Duration.ofSeconds(2));
                        router.recordSuccess("c", Duration.ofMillis(150), 30, Duration.ofSeconds(1));
                        router.recordFailure("flaky", FailureClass.TRANSIENT);
                        assertConsistent(router.route(candidates, strategy));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> worker : workers) {
                worker.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }

        int samples = THREADS * ROUNDS;
        DeploymentSnapshot a = router.stats("a").orElseThrow();
        assertThat(a.ttftWeight()).isEqualTo(samples);
        assertThat(a.ttftMillis()).isEqualTo(200.0);
        DeploymentSnapshot b = router.stats("b").orElseThrow();
        assertThat(b.tokenRateWeight()).isEqualTo(samples);
        assertThat(b.tokensPerSecond()).isEqualTo(50.0);
        assertThat(router.stats("c").orElseThrow().ttftWeight()).isEqualTo(samples);
        assertThat(router.stats("flaky").orElseThrow().consecutiveFailures()).isEqualTo(samples);
    }

    /** Invariants that hold whatever the interleaving. */
    private void assertConsistent(RouteDecision decision) {
        List<ScoredCandidate> ranked = decision.ranked();
        Set<String> ids = new HashSet<>();
        for (ScoredCandidate candidate : ranked) {
            ids.add(candidate.deployment().id());
        }
        assertThat(ids).containsExactlyInAnyOrder("a", "b", "flaky", "c");
        // this thread recorded a failure before routing, and nothing ever succeeds on it
        ScoredCandidate last = ranked.get(ranked.size() - 1);
        assertThat(last.deployment().id()).isEqualTo("flaky");
        assertThat(last.coolingDown()).isTrue();
        for (int i = 0; i < ranked.size(); i++) {
            ScoredCandidate candidate = ranked.get(i);
            assertThat(candidate.score()).isBetween(0.0, 3.0);
            if (i > 0 && !candidate.coolingDown()) {
                ScoredCandidate previous = ranked.get(i - 1);
                assertThat(previous.coolingDown()).isFalse();
                assertThat(previous.score()).isLessThanOrEqualTo(candidate.score());
            }
        }
    }
}
