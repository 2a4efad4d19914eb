package dev.clod.gateway.energy.feed;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.clod.gateway.catalog.Catalog;
import dev.clod.gateway.catalog.Site;
import dev.clod.gateway.energy.EnergyPrice;
import dev.clod.gateway.energy.Market;
import dev.clod.gateway.energy.TraceKey;
import dev.clod.gateway.pricing.FeedPolicy;
import dev.clod.gateway.pricing.LivePrices;
import dev.clod.gateway.pricing.PriceStatus;
import dev.clod.gateway.pricing.SitePrice;
import dev.clod.gateway.testing.MutableClock;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A polled JSON feed: what it accepts, and that a failing or stale feed never breaks pricing. */
class HttpJsonFeedTest {

    @RegisterExtension
    static WireMockExtension upstream = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private static final Instant NOW = Instant.parse("2024-08-12T14:07:00Z");
    private static final String GOOD = """
            {"resolution_minutes": 5,
             "prices": [
               {"timestamp_utc": "2024-08-12T14:00:00Z", "location": "ercot-north", "market": "rt", "usd_per_mwh": 31.25},
               {"timestamp_utc": "2024-08-12T14:05:00Z", "location": "ercot-north", "market": "rt", "usd_per_mwh": "-4.5"},
               {"timestamp_utc": "2024-08-12T15:00:00Z", "location": "ercot-north", "market": "da", "usd_per_mwh": 28}]}
            """;

    private final MutableClock wall = new MutableClock(NOW);
    private final AtomicInteger updates = new AtomicInteger();

    private HttpJsonFeed feed() {
        return new HttpJsonFeed(
                URI.create(upstream.baseUrl() + "/lmp"),
                Set.of("ercot-north"),
                Duration.ofMinutes(5),
                Duration.ofDays(8),
                Map.of("Authorization", "Bearer feed-token"),
                wall,
                updates::incrementAndGet);
    }

    @Test
    void readsRealTimeAndDayAheadRowsExactlyAndSendsItsHeaders() {
        upstream.stubFor(get("/lmp").willReturn(okJson(GOOD)));
        HttpJsonFeed feed = feed();

        feed.pollSafely();

        EnergyPrice now = feed.trace(new TraceKey("ercot-north", Market.REAL_TIME))
                .orElseThrow()
                .at(NOW)
                .orElseThrow();
        assertThat(now.usdPerMwh()).isEqualTo(new BigDecimal("-4.5"));
        assertThat(now.start()).isEqualTo(Instant.parse("2024-08-12T14:05:00Z"));
        assertThat(now.end()).isEqualTo(Instant.parse("2024-08-12T14:10:00Z"));
        assertThat(feed.trace(new TraceKey("ercot-north", Market.DAY_AHEAD))).isPresent();
        assertThat(feed.health().failing()).isFalse();
        assertThat(feed.health().lastSuccess()).isEqualTo(NOW);
        assertThat(updates.get()).isEqualTo(1);
        upstream.verify(getRequestedFor(urlEqualTo("/lmp"))
                .withHeader(
                        "Authorization", com.github.tomakehurst.wiremock.client.WireMock.equalTo("Bearer feed-token")));
    }

    @Test
    void laterPollsAddToWhatEarlierOnesDelivered() {
        upstream.stubFor(get("/lmp").willReturn(okJson(GOOD)));
        HttpJsonFeed feed = feed();
        feed.pollSafely();
        upstream.stubFor(get("/lmp").willReturn(okJson("""
                {"resolution_minutes": 5, "prices": [
                  {"timestamp_utc": "2024-08-12T14:10:00Z", "location": "ercot-north", "market": "rt", "usd_per_mwh": 40}]}
                """)));

        feed.pollSafely();

        assertThat(feed.trace(new TraceKey("ercot-north", Market.REAL_TIME))
                        .orElseThrow()
                        .size())
                .isEqualTo(3);
    }

    static List<String[]> badResponses() {
        return List.of(
                new String[] {"not json", "malformed JSON"},
                new String[] {"[]", "expected an object with a \"prices\" array"},
                new String[] {
                    "{\"prices\": [{\"timestamp_utc\": \"2024-08-12T14:00:00+02:00\", \"location\": \"ercot-north\", \"usd_per_mwh\": 1}]}",
                    "prices[0]: timestamp_utc must be UTC ending in Z"
                },
                new String[] {
                    "{\"prices\": [{\"timestamp_utc\": \"2024-08-12T14:00:00Z\", \"location\": \"pjm-dom\", \"usd_per_mwh\": 1}]}",
                    "prices[0]: location \"pjm-dom\" is not one this feed is declared with [ercot-north]"
                },
                new String[] {
                    "{\"prices\": [{\"timestamp_utc\": \"2024-08-12T14:00:00Z\", \"location\": \"ercot-north\", \"market\": \"id\", \"usd_per_mwh\": 1}]}",
                    "prices[0]: market \"id\" is not one of rt, da"
                },
                new String[] {
                    "{\"prices\": [{\"timestamp_utc\": \"2024-08-12T14:00:00Z\", \"location\": \"ercot-north\", \"usd_per_mwh\": \"cheap\"}]}",
                    "prices[0]: usd_per_mwh is not a number"
                },
                new String[] {"{\"resolution_minutes\": 0, \"prices\": []}", "resolution_minutes must be a whole number"
                });
    }

    @Test
    void aBadResponseChangesOnlyTheHealthAndKeepsTheLastPrices() {
        upstream.stubFor(get("/lmp").willReturn(okJson(GOOD)));
        HttpJsonFeed feed = feed();
        feed.pollSafely();

        for (String[] bad : badResponses()) {
            upstream.stubFor(get("/lmp").willReturn(okJson(bad[0])));
            feed.pollSafely();

            assertThat(feed.health().lastError()).as(bad[0]).contains(bad[1]);
            assertThat(feed.trace(new TraceKey("ercot-north", Market.REAL_TIME))
                            .orElseThrow()
                            .size())
                    .as(bad[0])
                    .isEqualTo(2);
        }
        upstream.stubFor(get("/lmp").willReturn(aResponse().withStatus(503)));
        feed.pollSafely();
        assertThat(feed.health().lastError()).startsWith("HTTP 503 from ");
        assertThat(updates.get()).isEqualTo(1);
    }

    @Test
    void anUnreachableFeedLeavesTheSiteOnItsLastPriceThenTheFallback() {
        upstream.stubFor(get("/lmp").willReturn(okJson(GOOD)));
        HttpJsonFeed feed = feed();
        feed.pollSafely();
        Site site = new Site("dallas", "ercot-north", new BigDecimal("1.2"));
        LivePrices prices = new LivePrices(
                Catalog.of(List.of()),
                List.of(site),
                Map.of("ercot-north", feed),
                new FeedPolicy(Duration.ofMinutes(30), new BigDecimal("300")),
                wall,
                Runnable::run);
        upstream.stubFor(get("/lmp")
                .willReturn(
                        aResponse().withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER)));

        wall.set(Instant.parse("2024-08-12T14:20:00Z"));
        feed.pollSafely();
        SitePrice stale = prices.board().sites().get("dallas");
        wall.set(Instant.parse("2024-08-12T14:41:00Z"));
        SitePrice fallback = prices.board().sites().get("dallas");

        assertThat(stale.status()).isEqualTo(PriceStatus.STALE);
        assertThat(stale.usdPerMwh()).isEqualByComparingTo("-4.5");
        assertThat(stale.feedError()).isNotBlank();
        assertThat(fallback.status()).isEqualTo(PriceStatus.FALLBACK);
        assertThat(fallback.usdPerMwh()).isEqualByComparingTo("300");
        assertThat(fallback.since()).isEqualTo(Instant.parse("2024-08-12T14:40:00Z"));
    }
}
