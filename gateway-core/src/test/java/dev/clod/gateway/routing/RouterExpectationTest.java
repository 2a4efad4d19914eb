package dev.clod.gateway.routing;

import static dev.clod.gateway.routing.Fixtures.rankedIds;
import static dev.clod.gateway.routing.Fixtures.recordRate;
import static dev.clod.gateway.routing.Fixtures.recordTtft;
import static dev.clod.gateway.routing.Fixtures.sameCost;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clod.gateway.testing.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RouterExpectationTest {

    private MutableClock clock;
    private Router router;

    @BeforeEach
    void setUp() {
        clock = new MutableClock(Fixtures.START);
        router = new Router(clock, RouterSettings.defaults());
    }

    @Test
    void declaredSpeedsRankBeforeAnythingIsMeasured() {
        router.expect("m/slow-start", Duration.ofMillis(300), 250);
        router.expect("m/quick-start", Duration.ofMillis(40), 150);
        router.expect("m/cheap", Duration.ofMillis(200), 60);

        assertThat(rankedIds(router.route(
                        sameCost("m/cheap", "m/slow-start", "m/quick-start"), Strategy.of(Objective.LATENCY))))
                .startsWith("m/quick-start");
        assertThat(rankedIds(router.route(
                        sameCost("m/cheap", "m/slow-start", "m/quick-start"), Strategy.of(Objective.TOKEN_RATE))))
                .startsWith("m/slow-start");
    }

    @Test
    void anExpectationIsNotReportedAsAMeasurement() {
        router.expect("m/a", Duration.ofMillis(40), 150);

        ScoredCandidate scored = router.route(sameCost("m/a"), Strategy.of(Objective.LATENCY))
                .ranked()
                .get(0);

        assertThat(scored.ttftMillis()).isEqualTo(40.0);
        assertThat(scored.ttftMeasured()).isFalse();
        assertThat(scored.tokenRateMeasured()).isFalse();
    }

    @Test
    void measurementsReplaceTheExpectation() {
        router.expect("m/a", Duration.ofMillis(40), 150);
        router.expect("m/b", Duration.ofMillis(90), 150);
        recordTtft(router, "m/a", 500);

        assertThat(rankedIds(router.route(sameCost("m/a", "m/b"), Strategy.of(Objective.LATENCY))))
                .containsExactly("m/b", "m/a");
    }

    @Test
    void aDeploymentWithNeitherStillGetsTheOptimisticPrior() {
        router.expect("m/fast", Duration.ofMillis(40), 150);
        router.expect("m/slow", Duration.ofMillis(900), 150);
        recordRate(router, "m/rate-only", 90);

        // No latency is known for m/rate-only or m/new: they score as well as the best known one.
        assertThat(rankedIds(router.route(
                        sameCost("m/slow", "m/rate-only", "m/new", "m/fast"), Strategy.of(Objective.LATENCY))))
                .containsExactly("m/rate-only", "m/new", "m/fast", "m/slow");
    }

    @Test
    void impossibleExpectationsAreRejected() {
        assertThatThrownBy(() -> router.expect("m/a", Duration.ofMillis(-1), 10))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> router.expect("m/a", Duration.ZERO, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
