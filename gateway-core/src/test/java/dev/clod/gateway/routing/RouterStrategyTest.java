package dev.clod.gateway.routing;

import static dev.clod.gateway.routing.Fixtures.candidate;
import static dev.clod.gateway.routing.Fixtures.rankedIds;
import static dev.clod.gateway.routing.Fixtures.recordRate;
import static dev.clod.gateway.routing.Fixtures.recordTtft;
import static dev.clod.gateway.routing.Fixtures.sameCost;
import static dev.clod.gateway.routing.Objective.LATENCY;
import static dev.clod.gateway.routing.Objective.PRICE;
import static dev.clod.gateway.routing.Objective.TOKEN_RATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.clod.gateway.testing.MutableClock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RouterStrategyTest {

    private MutableClock clock;
    private Router router;

    @BeforeEach
    void setUp() {
        clock = new MutableClock(Fixtures.START);
        router = new Router(clock, RouterSettings.defaults());
    }

    @Test
    void priceRanksByExpectedCost() {
        List<Candidate> candidates = List.of(
                candidate("m/ashburn", "0.0030"), candidate("m/dallas", "0.0010"), candidate("m/openrouter", "0.0020"));

        RouteDecision decision = router.route(candidates, Strategy.of(PRICE));

        assertThat(decision.chosen().id()).isEqualTo("m/dallas");
        assertThat(rankedIds(decision)).containsExactly("m/dallas", "m/openrouter", "m/ashburn");
        assertThat(decision.ranked()).extracting(ScoredCandidate::score).containsExactly(0.0, 0.5, 1.0);
    }

    @Test
    void latencyRanksByMeasuredTimeToFirstToken() {
        recordTtft(router, "a", 400);
        recordTtft(router, "b", 100);
        recordTtft(router, "c", 250);

        RouteDecision decision = router.route(sameCost("a", "b", "c"), Strategy.of(LATENCY));

        assertThat(rankedIds(decision)).containsExactly("b", "c", "a");
        ScoredCandidate best = decision.ranked().get(0);
        assertThat(best.ttftMeasured()).isTrue();
        assertThat(best.ttftMillis()).isEqualTo(100.0);
        assertThat(best.tokenRateMeasured()).isFalse();
    }

    @Test
    void tokenRateRanksByMeasuredThroughputHighestFirst() {
        recordRate(router, "a", 40);
        recordRate(router, "b", 120);
        recordRate(router, "c", 80);

        RouteDecision decision = router.route(sameCost("a", "b", "c"), Strategy.of(TOKEN_RATE));

        assertThat(rankedIds(decision)).containsExactly("b", "c", "a");
        assertThat(decision.ranked())
                .extracting(ScoredCandidate::tokensPerSecond)
                .containsExactly(120.0, 80.0, 40.0);
        assertThat(decision.ranked()).extracting(ScoredCandidate::score).containsExactly(0.0, 0.5, 1.0);
    }

    @Test
    void priceAndLatencyTogetherPickTheBalancedDeployment() {
        // Normalised price: cheap 0, mid 0.5, fast 1. Normalised latency: cheap 1, mid 1/9, fast 0.
        // Sums: cheap 1, mid 0.611, fast 1 — neither extreme wins.
        recordTtft(router, "cheap", 1000);
        recordTtft(router, "mid", 200);
        recordTtft(router, "fast", 100);
        List<Candidate> candidates =
                List.of(candidate("cheap", "1.00"), candidate("mid", "2.00"), candidate("fast", "3.00"));

        RouteDecision decision = router.route(candidates, Strategy.of(PRICE, LATENCY));

        assertThat(decision.chosen().id()).isEqualTo("mid");
        assertThat(decision.ranked().get(0).score()).isCloseTo(0.5 + 1.0 / 9, within(1e-12));
        assertThat(router.route(candidates, Strategy.of(PRICE)).chosen().id()).isEqualTo("cheap");
        assertThat(router.route(candidates, Strategy.of(LATENCY)).chosen().id()).isEqualTo("fast");
    }

    @Test
    void allThreeObjectivesAddUp() {
        recordTtft(router, "a", 100);
        recordTtft(router, "b", 300);
        recordRate(router, "a", 10);
        recordRate(router, "b", 110);
        // a: price 1, latency 0, rate 1 = 2; b: price 0, latency 1, rate 0 = 1
        List<Candidate> candidates = List.of(candidate("a", "0.02"), candidate("b", "0.01"));

        RouteDecision decision = router.route(candidates, Strategy.of(PRICE, LATENCY, TOKEN_RATE));

        assertThat(rankedIds(decision)).containsExactly("b", "a");
        assertThat(decision.ranked()).extracting(ScoredCandidate::score).containsExactly(1.0, 2.0);
    }

    static Stream<List<String>> tagPermutations() {
        List<List<String>> permutations = new ArrayList<>();
        permute(new ArrayList<>(List.of("price", "latency", "speed")), 0, permutations);
        List<List<String>> withPairs = new ArrayList<>(permutations);
        withPairs.add(List.of("latency", "price"));
        withPairs.add(List.of("price", "latency"));
        return withPairs.stream();
    }

    private static void permute(List<String> tags, int from, List<List<String>> out) {
        if (from == tags.size()) {
            out.add(List.copyOf(tags));
            return;
        }
        for (int i = from; i < tags.size(); i++) {
            java.util.Collections.swap(tags, from, i);
            permute(tags, from + 1, out);
            java.util.Collections.swap(tags, from, i);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tagPermutations")
    void tagOrderNeverChangesTheDecision(List<String> tags) {
        recordTtft(router, "a", 120);
        recordTtft(router, "b", 340);
        recordTtft(router, "c", 90);
        recordRate(router, "a", 55);
        recordRate(router, "b", 140);
        recordRate(router, "c", 20);
        List<Candidate> candidates =
                List.of(candidate("a", "0.0031"), candidate("b", "0.0012"), candidate("c", "0.0047"));
        String modelString = "llama@" + String.join("@", tags);
        String colonString = "llama:" + String.join(":", tags);
        List<String> canonicalTags = new ArrayList<>(tags);
        canonicalTags.sort(null);
        RouteDecision canonical = router.route(
                candidates,
                ModelSelector.parse("llama@" + String.join("@", canonicalTags)).strategy());

        for (String input : List.of(modelString, colonString)) {
            RouteDecision decision =
                    router.route(candidates, ModelSelector.parse(input).strategy());

            assertThat(decision.strategy()).isEqualTo(canonical.strategy());
            assertThat(decision.ranked()).isEqualTo(canonical.ranked());
        }
    }

    @Test
    void tiesGoToTheEarlierCandidate() {
        List<Candidate> candidates = List.of(candidate("first", "0.01"), candidate("second", "0.0100"));

        assertThat(router.route(candidates, Strategy.of(PRICE)).chosen().id()).isEqualTo("first");
        assertThat(router.route(List.of(candidates.get(1), candidates.get(0)), Strategy.of(PRICE))
                        .chosen()
                        .id())
                .isEqualTo("second");
    }

    @Test
    void equalFiguresEverywhereKeepTheGivenOrder() {
        List<Candidate> candidates = sameCost("d", "a", "c", "b");

        RouteDecision decision = router.route(candidates, Strategy.of(PRICE, LATENCY, TOKEN_RATE));

        assertThat(rankedIds(decision)).containsExactly("d", "a", "c", "b");
        assertThat(decision.ranked()).allSatisfy(c -> assertThat(c.score()).isZero());
    }

    @Test
    void unmeasuredDeploymentsGetTheOptimisticPriorSoTheyAreExplored() {
        recordTtft(router, "slow", 900);
        recordTtft(router, "fast", 100);

        RouteDecision decision = router.route(sameCost("slow", "fresh", "fast"), Strategy.of(LATENCY));

        assertThat(rankedIds(decision)).containsExactly("fresh", "fast", "slow");
        ScoredCandidate fresh = decision.ranked().get(0);
        assertThat(fresh.ttftMeasured()).isFalse();
        assertThat(fresh.ttftMillis()).isZero();
        assertThat(fresh.score()).isZero();
        assertThat(decision.ranked().get(2).score()).isEqualTo(1.0);
    }

    @Test
    void theNormalisationRangeSpansMeasuredCandidatesOnly() {
        recordRate(router, "a", 50);
        recordRate(router, "b", 100);

        RouteDecision decision = router.route(sameCost("new", "a", "b"), Strategy.of(TOKEN_RATE));

        // Had the unmeasured deployment counted as 0 tokens/s, a would score 0.5, not 1.
        assertThat(rankedIds(decision)).containsExactly("new", "b", "a");
        assertThat(decision.ranked()).extracting(ScoredCandidate::score).containsExactly(0.0, 0.0, 1.0);
    }

    @Test
    void aSingleMeasuredCandidateScoresZero() {
        recordTtft(router, "only", 700);

        RouteDecision decision = router.route(sameCost("only"), Strategy.of(LATENCY));

        assertThat(decision.chosen().id()).isEqualTo("only");
        assertThat(decision.ranked().get(0).score()).isZero();
    }

    @Test
    void rejectsAnEmptyCandidateList() {
        assertThatThrownBy(() -> router.route(List.of(), Strategy.of(PRICE)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
