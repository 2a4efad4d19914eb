package dev.clod.gateway.energy.savings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clod.gateway.catalog.DeploymentPricing;
import dev.clod.gateway.config.ConfigLoader;
import dev.clod.gateway.config.GatewayConfig;
import dev.clod.gateway.energy.CsvTraceReader;
import dev.clod.gateway.energy.PriceTrace;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SavingsScenarioTest {

    @Test
    void theDemoPricesSixSitesFromTheShippedTracesWithDayAheadWhereTheMarketHasIt() {
        SavingsScenario demo = SavingsScenario.demo();

        List<Site> sites = demo.sites(CsvTraceReader.shipped());

        assertThat(sites)
                .extracting(site ->
                        site.id() + "@" + site.location() + " pue " + site.pue().toPlainString())
                .containsExactly(
                        "dallas@ercot-north pue 1.25",
                        "los-angeles@caiso-sp15 pue 1.2",
                        "chicago@miso-illinois pue 1.3",
                        "new-york@nyiso-nyc pue 1.4",
                        "boston@isone-hub pue 1.35",
                        "tulsa@spp-south pue 1.2");
        assertThat(sites)
                .filteredOn(site -> site.dayAhead().isPresent())
                .extracting(Site::id)
                .containsExactly("dallas", "los-angeles");
        assertThat(demo.fixedSite()).isEqualTo("dallas");
        assertThat(demo.pricing().energy().kwhPer1mOutput()).isEqualByComparingTo("1.2");
        assertThat(demo.pricing().margin()).isEqualByComparingTo("0.15");
    }

    @Test
    void theDemoUsesTheEmbeddedCatalogsSitesAndDeepSeekPricing() {
        GatewayConfig catalog = ConfigLoader.embeddedDefault(Map.of());
        SavingsScenario demo = SavingsScenario.demo();

        assertThat(demo.sites())
                .extracting(site -> new dev.clod.gateway.catalog.Site(site.id(), site.gridLocation(), site.pue()))
                .containsExactlyElementsOf(catalog.sites());
        assertThat(catalog.catalog().find(demo.model()).orElseThrow().deployments())
                .allSatisfy(deployment -> assertThat(deployment.pricing())
                        .isInstanceOfSatisfying(
                                DeploymentPricing.EnergyBased.class,
                                energy -> assertThat(energy.pricing()).isEqualTo(demo.pricing())));
    }

    @Test
    void aSiteWhoseLocationHasNoPricesIsNamed() {
        PriceTrace other = HourlyPrices.realTime("elsewhere").flat(0, 2, "10").trace();

        assertThatThrownBy(() -> SavingsScenario.demo().sites(Map.of(other.key(), other)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dallas")
                .hasMessageContaining("ercot-north");
    }

    @Test
    void dayAheadPricesBecomeKnownWhenTheMarketPublishesThemTheDayBefore() {
        PriceTrace prices = HourlyPrices.dayAhead("grid").flat(0, 72, "30").trace();
        DayAheadMarket market = new DayAheadMarket(prices, ZoneId.of("America/Chicago"), LocalTime.of(13, 30));
        // 2024-08-11 03:00 Central; that operating day is published 2024-08-10 13:30 Central (18:30 UTC)
        Instant target = Instant.parse("2024-08-11T08:00:00Z");

        assertThat(market.publishedFor(target)).isEqualTo(Instant.parse("2024-08-10T18:30:00Z"));
        assertThat(market.knownAt(target, Instant.parse("2024-08-10T18:29:59Z")))
                .isEmpty();
        assertThat(market.knownAt(target, Instant.parse("2024-08-10T18:30:00Z")))
                .isPresent();
        assertThatThrownBy(() -> new DayAheadMarket(
                        HourlyPrices.realTime("grid").flat(0, 1, "1").trace(), ZoneId.of("UTC"), LocalTime.NOON))
                .hasMessageContaining("not a day-ahead series");
    }
}
