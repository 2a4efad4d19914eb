package dev.clod.gateway.routing;

import static dev.clod.gateway.routing.Fixtures.rankedIds;
import static dev.clod.gateway.routing.Fixtures.recordTtft;
import static dev.clod.gateway.routing.Fixtures.sameCost;
import static dev.clod.gateway.routing.Objective.LATENCY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.clod.gateway.testing.MutableClock;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RouterStatisticsTest {

    private static final Duration HALF_LIFE = Duration.ofMinutes(5);

    private MutableClock clock;
    private Router router;

    @BeforeEach
    void setUp() {
        clock = new MutableClock(Fixtures.START);
        router = new Router(clock, RouterSettings.defaults());
    }

    @Test
    void nothingIsKnownAboutADeploymentNeverRecorded() {
        assertThat(router.stats("unknown")).isEmpty();
    }

    @Test
    void samplesAtOneInstantAverageEvenly() {
        recordTtft(router, "a", 100);
        recordTtft(router, "a", 300);

        DeploymentSnapshot stats = router.stats("a").orElseThrow();

        assertThat(stats.ttftMillis()).isEqualTo(200.0);
        assertThat(stats.ttftWeight()).isEqualTo(2.0);
        assertThat(stats.ttftMeasured()).isTrue();
        assertThat(stats.tokenRateMeasured()).isFalse();
        assertThat(stats.tokenRateWeight()).isZero();
    }

    @Test
    void anOlderSampleCountsHalfAfterOneHalfLife() {
        recordTtft(router, "a", 1000);
        clock.advance(HALF_LIFE);
        recordTtft(router, "a", 100);

        DeploymentSnapshot stats = router.stats("a").orElseThrow();

        // (1000 × 0.5 + 100) / (0.5 + 1)
        assertThat(stats.ttftMillis()).isCloseTo(400.0, within(1e-9));
        assertThat(stats.ttftWeight()).isCloseTo(1.5, within(1e-9));
        clock.advance(HALF_LIFE);
        assertThat(router.stats("a").orElseThrow().ttftWeight()).isCloseTo(0.75, within(1e-9));
    }

    @Test
    void oldSlowSamplesFadeUntilTheDeploymentIsExploredAgain() {
        recordTtft(router, "was-slow", 2000);
        recordTtft(router, "steady", 150);
        assertThat(router.route(sameCost("was-slow", "steady"), Strategy.of(LATENCY))
                        .chosen()
                        .id())
                .isEqualTo("steady");

        // A lone sample stays trusted for log2(1/0.05) ≈ 4.3 half-lives.
        clock.advance(HALF_LIFE.multipliedBy(4));
        recordTtft(router, "steady", 150);
        assertThat(router.stats("was-slow").orElseThrow().ttftMeasured()).isTrue();
        assertThat(router.route(sameCost("was-slow", "steady"), Strategy.of(LATENCY))
                        .chosen()
                        .id())
                .isEqualTo("steady");

        clock.advance(HALF_LIFE);
        recordTtft(router, "steady", 150);
        RouteDecision decision = router.route(sameCost("was-slow", "steady"), Strategy.of(LATENCY));

        DeploymentSnapshot faded = router.stats("was-slow").orElseThrow();
        assertThat(faded.ttftMeasured()).isFalse();
        assertThat(faded.ttftWeight()).isLessThan(0.05);
        assertThat(rankedIds(decision)).containsExactly("was-slow", "steady");
        assertThat(decision.ranked().get(0).ttftMeasured()).isFalse();
    }

    @Test
    void aFreshSampleMakesAFadedDeploymentMeasuredAgain() {
        recordTtft(router, "a", 2000);
        clock.advance(HALF_LIFE.multipliedBy(10));
        assertThat(router.stats("a").orElseThrow().ttftMeasured()).isFalse();

        recordTtft(router, "a", 300);

        DeploymentSnapshot stats = router.stats("a").orElseThrow();
        assertThat(stats.ttftMeasured()).isTrue();
        assertThat(stats.ttftMillis()).isCloseTo(300.0, within(2.0));
    }

    static Stream<Arguments> throughputSamples() {
        return Stream.of(
                arguments(100, Duration.ofSeconds(2), true, 50.0),
                arguments(3, Duration.ofMillis(100), true, 30.0),
                arguments(2, Duration.ofMillis(500), true, 4.0),
                arguments(1, Duration.ofSeconds(1), false, 0.0),
                arguments(0, Duration.ofSeconds(1), false, 0.0),
                arguments(100, Duration.ZERO, false, 0.0),
                arguments(100, null, false, 0.0),
                arguments(100, Duration.ofSeconds(-1), false, 0.0));
    }

    @ParameterizedTest(name = "{0} tokens in {1}")
    @MethodSource("throughputSamples")
    void throughputIsOutputTokensOverGenerationTime(
            int outputTokens, Duration generationTime, boolean counted, double tokensPerSecond) {
        router.recordSuccess("a", Duration.ofMillis(80), outputTokens, generationTime);

        DeploymentSnapshot stats = router.stats("a").orElseThrow();

        assertThat(stats.tokenRateMeasured()).isEqualTo(counted);
        assertThat(stats.tokensPerSecond()).isCloseTo(tokensPerSecond, within(1e-9));
        assertThat(stats.ttftMillis()).isEqualTo(80.0);
    }

    @Test
    void aSuccessWithoutTimeToFirstTokenLeavesLatencyAlone() {
        recordTtft(router, "a", 250);

        router.recordSuccess("a", null, 10, Duration.ofSeconds(1));

        DeploymentSnapshot stats = router.stats("a").orElseThrow();
        assertThat(stats.ttftWeight()).isEqualTo(1.0);
        assertThat(stats.tokensPerSecond()).isEqualTo(10.0);
    }
}
