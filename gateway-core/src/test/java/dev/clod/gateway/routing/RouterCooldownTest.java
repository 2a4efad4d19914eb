package dev.clod.gateway.routing;

import static dev.clod.gateway.routing.Fixtures.candidate;
import static dev.clod.gateway.routing.Fixtures.rankedIds;
import static dev.clod.gateway.routing.Fixtures.recordTtft;
import static dev.clod.gateway.routing.Objective.LATENCY;
import static dev.clod.gateway.routing.Objective.PRICE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.clod.gateway.api.FailureClass;
import dev.clod.gateway.testing.MutableClock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RouterCooldownTest {

    private final List<Candidate> candidates =
            List.of(candidate("cheap", "0.001"), candidate("mid", "0.002"), candidate("dear", "0.004"));

    private MutableClock clock;
    private Router router;

    @BeforeEach
    void setUp() {
        clock = new MutableClock(Fixtures.START);
        router = new Router(clock, RouterSettings.defaults());
    }

    @Test
    void consecutiveFailuresDoubleTheCooldownUpToTheCap() {
        long[] expectedSeconds = {5, 10, 20, 40, 80, 160, 300, 300};
        for (int failure = 1; failure <= expectedSeconds.length; failure++) {
            router.recordFailure("cheap", FailureClass.TRANSIENT);

            DeploymentSnapshot stats = router.stats("cheap").orElseThrow();
            assertThat(stats.consecutiveFailures()).isEqualTo(failure);
            assertThat(stats.cooldownUntil()).isEqualTo(clock.instant().plusSeconds(expectedSeconds[failure - 1]));

            // let this cooldown run out so the next failure starts its own
            clock.advance(Duration.ofSeconds(expectedSeconds[failure - 1]));
            assertThat(router.stats("cheap").orElseThrow().coolingDown()).isFalse();
        }
    }

    @Test
    void anUpstreamsRetryAfterLengthensTheCooldownUpToTheCap() {
        router.recordFailure("cheap", FailureClass.RATE_LIMITED, Duration.ofSeconds(42));
        router.recordFailure("mid", FailureClass.RATE_LIMITED, Duration.ofSeconds(1));
        router.recordFailure("dear", FailureClass.RATE_LIMITED, Duration.ofHours(3));

        assertThat(router.stats("cheap").orElseThrow().cooldownUntil())
                .isEqualTo(clock.instant().plusSeconds(42));
        // A shorter wait than the router's own never shortens its cooldown.
        assertThat(router.stats("mid").orElseThrow().cooldownUntil())
                .isEqualTo(clock.instant().plusSeconds(5));
        assertThat(router.stats("dear").orElseThrow().cooldownUntil())
                .isEqualTo(clock.instant().plusSeconds(300));
    }

    @Test
    void aCoolingDeploymentIsRankedAfterEveryHealthyOne() {
        router.recordFailure("cheap", FailureClass.RATE_LIMITED);

        RouteDecision decision = router.route(candidates, Strategy.of(PRICE));

        assertThat(rankedIds(decision)).containsExactly("mid", "dear", "cheap");
        assertThat(decision.ranked()).extracting(ScoredCandidate::coolingDown).containsExactly(false, false, true);
        // healthy candidates are normalised among themselves
        assertThat(decision.ranked()).extracting(ScoredCandidate::score).containsExactly(0.0, 1.0, 0.0);
    }

    @Test
    void aCoolingDeploymentDoesNotShiftHowTheHealthyOnesCompare() {
        recordTtft(router, "cheap", 50);
        recordTtft(router, "mid", 100);
        recordTtft(router, "dear", 400);
        Strategy strategy = Strategy.of(PRICE, LATENCY);
        List<Candidate> healthyOnly = candidates.subList(1, 3);
        RouteDecision withoutCheap = router.route(healthyOnly, strategy);

        router.recordFailure("cheap", FailureClass.TIMEOUT);
        RouteDecision withCheapCooling = router.route(candidates, strategy);

        assertThat(withCheapCooling.ranked().subList(0, 2)).isEqualTo(withoutCheap.ranked());
    }

    @Test
    void whenEveryDeploymentIsCoolingAllAreStillRankedByScore() {
        for (Candidate candidate : candidates) {
            router.recordFailure(candidate.deployment().id(), FailureClass.TRANSIENT);
        }

        RouteDecision decision = router.route(candidates, Strategy.of(PRICE));

        assertThat(rankedIds(decision)).containsExactly("cheap", "mid", "dear");
        assertThat(decision.ranked())
                .allSatisfy(c -> assertThat(c.coolingDown()).isTrue());
    }

    @Test
    void theDeploymentReturnsToItsPlaceWhenTheCooldownEnds() {
        router.recordFailure("cheap", FailureClass.TRANSIENT);
        clock.advance(Duration.ofMillis(4999));
        assertThat(router.route(candidates, Strategy.of(PRICE)).chosen().id()).isEqualTo("mid");

        clock.advance(Duration.ofMillis(1));

        assertThat(router.route(candidates, Strategy.of(PRICE)).chosen().id()).isEqualTo("cheap");
    }

    @Test
    void aSuccessEndsTheCooldownAndResetsTheStreak() {
        router.recordFailure("cheap", FailureClass.TRANSIENT);
        router.recordFailure("cheap", FailureClass.TRANSIENT);
        router.recordFailure("cheap", FailureClass.TRANSIENT);

        router.recordSuccess("cheap", Duration.ofMillis(90), 20, Duration.ofSeconds(1));

        DeploymentSnapshot stats = router.stats("cheap").orElseThrow();
        assertThat(stats.consecutiveFailures()).isZero();
        assertThat(stats.cooldownUntil()).isNull();
        assertThat(router.route(candidates, Strategy.of(PRICE)).chosen().id()).isEqualTo("cheap");
        router.recordFailure("cheap", FailureClass.TRANSIENT);
        assertThat(router.stats("cheap").orElseThrow().cooldownUntil())
                .isEqualTo(clock.instant().plusSeconds(5));
    }

    @ParameterizedTest
    @EnumSource(
            value = FailureClass.class,
            names = {"CREDENTIAL", "MODEL_GONE"})
    void failuresOnlyAnOperatorCanFixCoolDownForTheMaximumAtOnce(FailureClass failureClass) {
        router.recordFailure("cheap", failureClass);

        DeploymentSnapshot stats = router.stats("cheap").orElseThrow();
        assertThat(stats.consecutiveFailures()).isEqualTo(1);
        assertThat(stats.cooldownUntil()).isEqualTo(clock.instant().plus(Duration.ofMinutes(5)));
    }

    @Test
    void aShorterLaterCooldownNeverCutsALongerOneShort() {
        router.recordFailure("cheap", FailureClass.CREDENTIAL);

        router.recordFailure("cheap", FailureClass.TRANSIENT);

        assertThat(router.stats("cheap").orElseThrow().cooldownUntil())
                .isEqualTo(clock.instant().plus(Duration.ofMinutes(5)));
    }

    @Test
    void aCallerFaultDoesNotCoolTheDeploymentDown() {
        router.recordFailure("cheap", FailureClass.CALLER_FAULT);
        router.recordFailure("mid", FailureClass.TRANSIENT);
        router.recordFailure("mid", FailureClass.CALLER_FAULT);

        assertThat(router.stats("cheap")).isEmpty();
        assertThat(router.stats("mid").orElseThrow().consecutiveFailures()).isEqualTo(1);
        assertThat(router.route(candidates, Strategy.of(PRICE)).chosen().id()).isEqualTo("cheap");
    }
}
