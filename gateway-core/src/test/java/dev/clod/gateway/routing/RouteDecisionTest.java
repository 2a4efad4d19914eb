package dev.clod.gateway.routing;

import static dev.clod.gateway.routing.Fixtures.candidate;
import static dev.clod.gateway.routing.Fixtures.deployment;
import static dev.clod.gateway.routing.Objective.LATENCY;
import static dev.clod.gateway.routing.Objective.PRICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clod.gateway.api.FailureClass;
import dev.clod.gateway.testing.MutableClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RouteDecisionTest {

    private final MutableClock clock = new MutableClock(Fixtures.START);
    private final Router router = new Router(clock, RouterSettings.defaults());

    @Test
    void headerExplainsTheChoiceOnOneLine() {
        router.recordSuccess("llama-3.1-8b/sim-dallas", Duration.ofMillis(100), 0, null);
        router.recordSuccess("llama-3.1-8b/sim-ashburn", Duration.ofMillis(300), 0, null);
        router.recordFailure("llama-3.1-8b/openrouter", FailureClass.TRANSIENT);
        List<Candidate> candidates = List.of(
                candidate("llama-3.1-8b/sim-ashburn", "0.0020"),
                candidate("llama-3.1-8b/openrouter", "0.0001"),
                candidate("llama-3.1-8b/sim-dallas", "0.0010"),
                candidate("llama-3.1-8b/sim-phoenix", "0.0030"));

        String header = router.route(candidates, Strategy.of(LATENCY, PRICE)).header();

        // dallas: 0 + 0; phoenix: price 1, latency unmeasured 0; ashburn: 0.5 + 1
        assertThat(header)
                .isEqualTo("strategy=price+latency; chosen=llama-3.1-8b/sim-dallas; score=0.000; candidates=4; "
                        + "ranked=llama-3.1-8b/sim-dallas:0.000,llama-3.1-8b/sim-phoenix:1.000,"
                        + "llama-3.1-8b/sim-ashburn:1.500,llama-3.1-8b/openrouter:0.000(cooling)");
    }

    @Test
    void scoresAreRoundedToThreeDecimals() {
        List<Candidate> candidates =
                List.of(candidate("a", "0"), candidate("b", "0.0412"), candidate("c", "0.1"), candidate("d", "3"));

        String header = router.route(candidates, Strategy.of(PRICE)).header();

        assertThat(header).endsWith("ranked=a:0.000,b:0.014,c:0.033,d:1.000");
    }

    @Test
    void headerStaysWithinItsCapAndSaysHowManyItLeftOut() {
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            candidates.add(candidate("some-rather-long-model-name-" + i + "/provider", String.valueOf(i)));
        }

        String header = router.route(candidates, Strategy.of(PRICE)).header();

        assertThat(header.length()).isLessThanOrEqualTo(RouteDecision.MAX_HEADER_LENGTH);
        assertThat(header).matches("strategy=price; chosen=some-rather-long-model-name-0/provider; .*,\\+\\d+ more");
        int shown = header.split("ranked=")[1].split(",").length - 1;
        assertThat(header).endsWith(",+" + (200 - shown) + " more");
    }

    @Test
    void headerReplacesAnythingButPrintableAscii() {
        Candidate odd = new Candidate(deployment("modèle\r\nX-Evil: 1/p"), BigDecimal.ONE);

        String header = router.route(List.of(odd), Strategy.of(PRICE)).header();

        assertThat(header)
                .contains("chosen=mod?le??X-Evil: 1/p")
                .doesNotContain("\r")
                .doesNotContain("\n");
        assertThat(header.chars()).allMatch(c -> c >= 0x20 && c < 0x7f);
    }

    @Test
    void aDecisionRanksAtLeastOneCandidate() {
        assertThatThrownBy(() -> new RouteDecision(Strategy.of(PRICE), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
