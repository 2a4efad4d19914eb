package dev.clod.gateway.market;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clod.gateway.CallOptions;
import dev.clod.gateway.Gateway;
import dev.clod.gateway.config.ConfigLoader;
import dev.clod.gateway.routing.RouteDecision;
import dev.clod.gateway.testing.MutableClock;
import dev.clod.gateway.testing.ShippedPrices;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The demo catalog replays the shipped traces: @price must send each request to the site that the
 * CSV files say is cheapest at the replay clock's instant, and move when the grids' prices cross.
 */
class PriceRoutingTest {

    private static final Instant REPLAY_START = Instant.parse("2024-08-12T12:00:00Z");
    private static final List<String> LLAMA_SITES = List.of("dallas", "tulsa", "los-angeles");

    private final MutableClock wall = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final Gateway gateway = Gateway.create(ConfigLoader.embeddedDefault(Map.of()), wall);

    @AfterEach
    void close() {
        gateway.close();
    }

    @Test
    void priceRoutesToTheCheapestSiteOfTheReplayedInstantAndMovesWhenPricesCross() {
        List<String> chosenSites = new ArrayList<>();
        int decisive = 0;
        // Two replayed days in steps of ten replayed minutes (ten wall seconds at 60x).
        for (int step = 0; step < 2 * 24 * 6; step++) {
            Instant replayed = gateway.energy().clock().instant();
            assertThat(replayed).isEqualTo(REPLAY_START.plus(Duration.ofMinutes(10L * step)));

            RouteDecision decision = gateway.explain("llama-3.1-8b@price", CallOptions.of("r" + step));
            String chosen = decision.chosen().site();
            Set<String> cheapest = cheapestSites(replayed);
            assertThat(cheapest).as("at %s", replayed).contains(chosen);
            if (cheapest.size() == 1) {
                decisive++;
            }
            chosenSites.add(chosen);
            wall.advance(Duration.ofSeconds(10));
        }
        assertThat(decisive).as("instants with a single cheapest site").isGreaterThan(250);
        assertThat(new LinkedHashSet<>(chosenSites))
                .as("sites chosen over two days")
                .hasSizeGreaterThanOrEqualTo(2);
        assertThat(changes(chosenSites)).as("times the choice moved").isGreaterThanOrEqualTo(4);
    }

    @Test
    void listsEachModelAtItsCheapestSiteNow() {
        Instant now = gateway.energy().clock().instant();
        String expected = ShippedPrices.cheapestSite(LLAMA_SITES, now);

        assertThat(gateway.model("llama-3.1-8b").orElseThrow().cheapestSite()).isEqualTo(expected);
        assertThat(gateway.model("llama-3.1-8b").orElseThrow().pricedAt()).isEqualTo(now);
    }

    /** Every site whose meter price ties for the lowest (negative prices all floor to zero). */
    private static Set<String> cheapestSites(Instant at) {
        BigDecimal lowest = LLAMA_SITES.stream()
                .map(site -> ShippedPrices.meterPrice(site, at))
                .min(BigDecimal::compareTo)
                .orElseThrow();
        Set<String> sites = new LinkedHashSet<>();
        for (String site : LLAMA_SITES) {
            if (ShippedPrices.meterPrice(site, at).compareTo(lowest) == 0) {
                sites.add(site);
            }
        }
        return sites;
    }

    private static int changes(List<String> sites) {
        int changes = 0;
        for (int i = 1; i < sites.size(); i++) {
            if (!sites.get(i).equals(sites.get(i - 1))) {
                changes++;
            }
        }
        return changes;
    }
}
