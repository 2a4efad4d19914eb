package dev.clod.gateway.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clod.gateway.api.InvalidRequestException;
import dev.clod.gateway.catalog.Model;
import dev.clod.gateway.config.ConfigLoader;
import dev.clod.gateway.config.GatewayConfig;
import dev.clod.gateway.pricing.LivePrices;
import dev.clod.gateway.pricing.PriceChange;
import dev.clod.gateway.pricing.PriceStatus;
import dev.clod.gateway.pricing.Pricer;
import dev.clod.gateway.pricing.SitePrice;
import dev.clod.gateway.testing.MutableClock;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small market on known series: two sites, a CSV trace with a gap, day-ahead prices for one of them,
 * a fixed energy profile. Every expected figure below follows from the rows by hand.
 */
class EnergyMarketTest {

    private static final Instant T0 = Instant.parse("2024-08-12T00:00:00Z");

    /**
     * Site x: 15-minute prices with a gap from 00:30 to 01:00, last row at 01:00. Site y: hourly, flat
     * 50 $/MWh over three days, with a day-ahead that puts 5 $/MWh at 02:00-04:00 on the 12th.
     */
    private static final String TRACE = csv();

    private static final String CONFIG = """
            sites:
              - {id: x, grid_location: loc-x, pue: 1}
              - {id: y, grid_location: loc-y, pue: 2}
            energy:
              feeds: [{kind: csv, path: trace.csv}]
              max_age_minutes: 30
              fallback_usd_per_mwh: 500
            providers:
              - {id: px, kind: simulated, site: x}
              - {id: py, kind: simulated, site: y}
            models:
              - id: m
                category: hosted
                context_window: 1000
                deployments:
                  - {provider: px, energy: {kwh_per_1m_input: 0, kwh_per_1m_output: 1000}}
                  - {provider: py, energy: {kwh_per_1m_input: 0, kwh_per_1m_output: 1000}}
            """;

    @TempDir
    Path dir;

    private MutableClock clock;
    private EnergyMarket market;
    private Model model;

    @BeforeEach
    void start() throws IOException {
        Files.writeString(dir.resolve("trace.csv"), TRACE);
        Files.writeString(dir.resolve("clod.yaml"), CONFIG);
        GatewayConfig config = ConfigLoader.load(dir.resolve("clod.yaml"), Map.of());
        clock = new MutableClock(T0.plus(Duration.ofDays(2)).plusSeconds(20 * 60));
        market = EnergyMarket.start(config.catalog(), config.sites(), config.energy(), new Pricer(), clock);
        model = config.catalog().find("m").orElseThrow();
    }

    @AfterEach
    void stop() {
        market.close();
    }

    @Test
    void aSiteIsLiveThenStaleInAGapThenLiveThenFallsBackWhenItsFeedEnds() {
        Instant day = T0.plus(Duration.ofDays(2));
        clock.set(day.plusSeconds(20 * 60));
        assertSite("x", "20", PriceStatus.LIVE, day.plusSeconds(15 * 60));
        clock.set(day.plusSeconds(35 * 60));
        assertSite("x", "20", PriceStatus.STALE, day.plusSeconds(30 * 60));
        clock.set(day.plusSeconds(65 * 60));
        assertSite("x", "30", PriceStatus.LIVE, day.plusSeconds(60 * 60));
        clock.set(day.plusSeconds(80 * 60));
        assertSite("x", "30", PriceStatus.STALE, day.plusSeconds(75 * 60));
        clock.set(day.plusSeconds(110 * 60));
        assertSite("x", "500", PriceStatus.FALLBACK, day.plusSeconds(105 * 60));
    }

    @Test
    void tokenPricesFollowTheFormulaAtEachSitesPue() {
        // output: 1000 kWh per 1M × pue × lmp / 1000; x at 20 $/MWh, pue 1 → 20; y at 50, pue 2 → 100.
        clock.set(T0.plus(Duration.ofDays(2)).plusSeconds(20 * 60));
        List<SiteQuote> sites = market.sites();

        assertThat(sites.get(0).models().get(0).price().outputPer1m()).isEqualByComparingTo("20");
        assertThat(sites.get(1).models().get(0).price().outputPer1m()).isEqualByComparingTo("100");
        assertThat(sites.get(0).models().get(0).price().inputPer1m()).isEqualByComparingTo("0");
    }

    @Test
    void listenersHearEachChangeOnceWithTheSitesThatChanged() {
        List<PriceChange> heard = new ArrayList<>();
        LivePrices prices = market.prices();
        LivePrices direct = new LivePrices(
                catalogOf(),
                prices.sites(),
                Map.of(
                        "loc-x",
                        prices.feedOf(prices.sites().get(0)),
                        "loc-y",
                        prices.feedOf(prices.sites().get(1))),
                dev.clod.gateway.pricing.FeedPolicy.DEFAULTS,
                clock,
                Runnable::run);
        direct.addListener(heard::add);

        direct.board();
        clock.advance(Duration.ofMinutes(1)); // same intervals
        direct.board();
        clock.advance(Duration.ofMinutes(15)); // x moves to its next interval, y does not
        direct.board();

        assertThat(heard).singleElement().satisfies(change -> assertThat(change.changed())
                .extracting(price -> price.site().id())
                .containsExactly("x"));
    }

    @Test
    void historyKeepsEveryIntervalAndStatusChangeAndTheCheapestSeriesCrossesSites() {
        Instant day = T0.plus(Duration.ofDays(2));
        clock.set(day.plusSeconds(110 * 60));
        market.recordHistory();

        ModelPriceHistory history = market.history(model, Duration.ofHours(4));

        SiteSeries x = history.sites().get(0);
        assertThat(x.points())
                .extracting(
                        PricePoint::at, p -> p.usdPerMwh().stripTrailingZeros().toPlainString())
                .containsSubsequence(
                        // 10 from 23:45 the day before; the same price at 00:00 is no change
                        org.assertj.core.groups.Tuple.tuple(day.minusSeconds(15 * 60), "10"),
                        org.assertj.core.groups.Tuple.tuple(day.plusSeconds(15 * 60), "20"),
                        org.assertj.core.groups.Tuple.tuple(day.plusSeconds(30 * 60), "20"),
                        org.assertj.core.groups.Tuple.tuple(day.plusSeconds(60 * 60), "30"),
                        org.assertj.core.groups.Tuple.tuple(day.plusSeconds(75 * 60), "30"),
                        org.assertj.core.groups.Tuple.tuple(day.plusSeconds(105 * 60), "500"));
        // Before x's first price, and after its fallback (500 × 1 > 50 × 2), y is cheaper; in between x
        // (at most 30 × 1), at each of its three prices.
        assertThat(history.cheapest().get(0).siteId()).isEqualTo("y");
        assertThat(history.cheapest().get(history.cheapest().size() - 1).siteId())
                .isEqualTo("y");
        assertThat(history.cheapest())
                .filteredOn(
                        p -> !p.at().isBefore(day.minusSeconds(15 * 60)) && p.at().isBefore(day.plusSeconds(105 * 60)))
                .extracting(PricePoint::siteId)
                .containsExactly("x", "x", "x");
    }

    @Test
    void theCheapestWindowIsTheDayAheadMinimumOnceItIsPublished() {
        // 22:00 on the 11th: the 12th's day-ahead prices are published (21:00 UTC rule).
        clock.set(T0.minusSeconds(2 * 3600));
        List<WindowProposal> windows = market.windows(model, Duration.ofHours(2), T0.plus(Duration.ofHours(12)), 2);

        assertThat(windows.get(0).siteId()).isEqualTo("y");
        assertThat(windows.get(0).start()).isEqualTo(T0.plus(Duration.ofHours(2)));
        assertThat(windows.get(0).end()).isEqualTo(T0.plus(Duration.ofHours(4)));
        assertThat(windows.get(0).expectedUsdPerMwh()).isEqualByComparingTo("5");
        assertThat(windows.get(0).expectedPrice().outputPer1m()).isEqualByComparingTo("10");
        assertThat(windows.get(0).basis()).isIn("day_ahead", "mixed");
    }

    @Test
    void beforeTheDayAheadIsPublishedTheForecastUsesOnlyThePast() {
        // 20:00 on the 11th: the 12th's day-ahead is not out; y's past days are flat 50.
        clock.set(T0.minusSeconds(4 * 3600));
        List<WindowProposal> windows = market.windows(model, Duration.ofHours(2), T0.plus(Duration.ofHours(12)), 1);

        assertThat(windows).singleElement().satisfies(window -> {
            assertThat(window.expectedUsdPerMwh()).isNotEqualByComparingTo("5");
            assertThat(window.basis()).isEqualTo("forecast");
        });
    }

    @Test
    void windowsThatCannotBeMetAreRefused() {
        Instant now = clock.instant();
        assertThatThrownBy(() -> market.windows(model, Duration.ofHours(2), now.plusSeconds(3600), 1))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("leaves less than the duration");
        assertThatThrownBy(() -> market.windows(model, Duration.ZERO, now.plusSeconds(3600), 1))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> market.windows(model, Duration.ofHours(1), now.plus(Duration.ofDays(15)), 1))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("within 14 days");
        Model listed = new Model(
                "l",
                "l",
                List.of(),
                dev.clod.gateway.catalog.Category.PROXIED,
                10,
                5,
                java.util.Set.of(),
                List.of(new dev.clod.gateway.catalog.Deployment(
                        "l/p", "l", "p", "l", null, dev.clod.gateway.catalog.ListPrice.FREE)));
        assertThatThrownBy(() -> market.windows(listed, Duration.ofHours(1), now.plus(Duration.ofDays(1)), 1))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("not priced by its sites' energy");
        assertThatThrownBy(() -> market.history(model, Duration.ofDays(8))).isInstanceOf(InvalidRequestException.class);
    }

    private void assertSite(String id, String usdPerMwh, PriceStatus status, Instant since) {
        SitePrice price = market.board().sites().get(id);
        assertThat(price.usdPerMwh()).as("%s at %s", id, clock.instant()).isEqualByComparingTo(usdPerMwh);
        assertThat(price.status()).as("%s at %s", id, clock.instant()).isEqualTo(status);
        assertThat(price.since()).as("%s at %s", id, clock.instant()).isEqualTo(since);
    }

    private dev.clod.gateway.catalog.Catalog catalogOf() {
        return dev.clod.gateway.catalog.Catalog.of(List.of(model));
    }

    private static String csv() {
        StringBuilder rows = new StringBuilder("timestamp_utc,location,market,usd_per_mwh\n");
        Instant day = T0.plus(Duration.ofDays(2));
        // x: only on the third day, 00:00 10, 00:15 20, gap, 01:00 30 (a 15-minute series).
        rows.append(day).append(",loc-x,rt,10\n");
        rows.append(day.plusSeconds(15 * 60)).append(",loc-x,rt,20\n");
        rows.append(day.plusSeconds(60 * 60)).append(",loc-x,rt,30\n");
        // x also needs 15-minute steps elsewhere so its resolution is 15 minutes.
        rows.append(day.minusSeconds(15 * 60)).append(",loc-x,rt,10\n");
        for (int hour = -48; hour < 72; hour++) {
            rows.append(T0.plusSeconds(hour * 3600L)).append(",loc-y,rt,50\n");
        }
        for (int hour = 0; hour < 24; hour++) {
            BigDecimal price = hour == 2 || hour == 3 ? new BigDecimal("5") : new BigDecimal("60");
            rows.append(T0.plusSeconds(hour * 3600L))
                    .append(",loc-y,da,")
                    .append(price)
                    .append('\n');
        }
        return rows.toString();
    }
}
