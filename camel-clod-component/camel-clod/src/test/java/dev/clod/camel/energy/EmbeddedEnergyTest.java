package dev.clod.camel.energy;

import static dev.clod.camel.energy.EnergyCatalog.MONDAY_1030;
import static dev.clod.camel.energy.EnergyCatalog.llamaPrice;
import static dev.clod.camel.energy.EnergyCatalog.samePrice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clod.gateway.Gateway;
import dev.clod.gateway.api.InvalidRequestException;
import dev.clod.gateway.api.ModelNotFoundException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded gateway's prices in the component's records, read at a clock the test sets. */
class EmbeddedEnergyTest {

    @TempDir
    Path folder;

    final MutableClock clock = new MutableClock(MONDAY_1030);
    final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    Gateway gateway;
    EnergyClient energy;

    @BeforeEach
    void startGateway() {
        gateway = EnergyCatalog.gateway(folder, clock);
        energy = EnergyClients.embedded(gateway);
    }

    @AfterEach
    void stopGateway() {
        executor.shutdownNow();
        gateway.close();
    }

    @Test
    void everySiteWithItsElectricityPriceAndTheModelsItServes() {
        EnergySnapshot snapshot = energy.sites();

        assertThat(snapshot.asOf()).isEqualTo(MONDAY_1030);
        assertThat(snapshot.sites()).extracting(SitePrices::site).containsExactly("north", "south");
        SitePrices north = snapshot.sites().get(0);
        assertThat(north.gridLocation()).isEqualTo("north-hub");
        assertThat(north.pue()).isEqualByComparingTo("1.25");
        assertThat(north.usdPerMwh()).isEqualByComparingTo("40");
        assertThat(north.status()).isEqualTo("live");
        assertThat(north.since()).isEqualTo("2024-08-12T10:00:00Z");
        assertThat(north.feed()).isEqualTo("prices.csv");
        assertThat(north.models()).extracting(SiteModelPrice::model).containsExactly("llama-3.1-8b", "qwen-small");
        assertThat(north.models().get(0).deployment()).isEqualTo("llama-3.1-8b/sim-north");
        assertThat(samePrice(north.models().get(0).pricePer1m(), llamaPrice("1.25", "40")))
                .as("%s", north.models().get(0).pricePer1m())
                .isTrue();
        SitePrices south = snapshot.sites().get(1);
        assertThat(south.since()).isEqualTo("2024-08-12T10:00:00Z");
        assertThat(south.models()).extracting(SiteModelPrice::model).containsExactly("llama-3.1-8b");
    }

    @Test
    void aModelsPricesAreCheapestFirstAndItMayBeNamedByItsDisplayName() {
        ModelPrices prices = energy.modelPrices("Llama 3.1 8B");

        assertThat(prices.model()).isEqualTo("llama-3.1-8b");
        assertThat(prices.asOf()).isEqualTo(MONDAY_1030);
        // 30 $/MWh at PUE 1.2 beats 40 at 1.25.
        assertThat(prices.sites()).extracting(ModelSitePrice::site).containsExactly("south", "north");
        assertThat(prices.cheapest().usdPerMwh()).isEqualByComparingTo("30");
        assertThat(samePrice(prices.cheapest().pricePer1m(), llamaPrice("1.2", "30")))
                .isTrue();
    }

    @Test
    void aPriceHistoryIsAStepSeriesPerSiteAndTheCheapestAtEveryMoment() {
        PriceHistory history = energy.history("llama-3.1-8b", "24h");

        assertThat(history.window()).isEqualTo("24h");
        assertThat(history.from()).isEqualTo("2024-08-11T10:30:00Z");
        assertThat(history.to()).isEqualTo(MONDAY_1030);
        SiteHistory north = history.sites().get(0);
        assertThat(north.site()).isEqualTo("north");
        assertThat(north.deployment()).isEqualTo("llama-3.1-8b/sim-north");
        assertThat(north.at(Instant.parse("2024-08-12T07:00:00Z")).orElseThrow().usdPerMwh())
                .isEqualByComparingTo("20");
        assertThat(north.at(Instant.parse("2024-08-12T09:00:00Z")).orElseThrow().usdPerMwh())
                .isEqualByComparingTo("40");
        // North at 20 $/MWh was cheaper than south at 30 from 06:00 to 08:00, and only then.
        assertThat(history.cheapest()).extracting(PriceAt::site).containsExactly("south", "north", "south");
        assertThat(history.cheapest().get(1).at()).isEqualTo("2024-08-12T06:00:00Z");
        assertThat(history.cheapest().get(2).at()).isEqualTo("2024-08-12T08:00:00Z");
    }

    @Test
    void theCheapestWindowComesFromTheDayAheadPrices() {
        clock.set(Instant.parse("2024-08-12T22:00:00Z"));

        List<EnergyWindow> windows =
                energy.windows("llama-3.1-8b", Duration.ofHours(2), Instant.parse("2024-08-13T08:00:00Z"), 1);

        assertThat(windows).hasSize(1);
        EnergyWindow best = windows.get(0);
        assertThat(best.site()).isEqualTo("south");
        assertThat(best.start()).isEqualTo("2024-08-13T04:00:00Z");
        assertThat(best.end()).isEqualTo("2024-08-13T06:00:00Z");
        assertThat(best.expectedUsdPerMwh()).isEqualByComparingTo("5");
        assertThat(best.basis()).isEqualTo("day_ahead");
        assertThat(samePrice(best.expectedPricePer1m(), llamaPrice("1.2", "5"))).isTrue();
    }

    @Test
    void aWatchHearsOfTheSitesThatChangedUntilItIsClosed() throws Exception {
        BlockingQueue<PriceUpdate> first = new LinkedBlockingQueue<>();
        EnergyClient.Watch watch = energy.watch(first::add, executor, Duration.ofSeconds(1));

        clock.set(Instant.parse("2024-08-12T11:30:00Z"));
        gateway.energy().prices().refresh();
        PriceUpdate update = first.poll(10, TimeUnit.SECONDS);

        assertThat(update).isNotNull();
        assertThat(update.asOf()).isEqualTo("2024-08-12T11:30:00Z");
        // South's two-hour interval has not ended, so only north changed.
        assertThat(update.changed()).extracting(SitePrices::site).containsExactly("north");
        assertThat(update.changed().get(0).usdPerMwh()).isEqualByComparingTo("45");

        watch.close();
        BlockingQueue<PriceUpdate> later = new LinkedBlockingQueue<>();
        energy.watch(later::add, executor, Duration.ofSeconds(1));
        clock.set(Instant.parse("2024-08-12T12:30:00Z"));
        gateway.energy().prices().refresh();

        // The later watch is told on the same thread, after where the closed one would have been.
        assertThat(later.poll(10, TimeUnit.SECONDS)).isNotNull();
        assertThat(first).isEmpty();
    }

    @Test
    void aModelThatIsNotPricedByEnergyOrUnknownIsAnError() {
        assertThatThrownBy(() -> energy.checkModel("listed-model"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("listed-model")
                .hasMessageContaining("not priced by energy");
        assertThatThrownBy(() -> energy.modelPrices("no-such-model"))
                .isInstanceOf(ModelNotFoundException.class)
                .hasMessageContaining("llama-3.1-8b");
        assertThatThrownBy(() -> energy.history("llama-3.1-8b", "3h"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("4h, 24h or 7d");
    }
}
