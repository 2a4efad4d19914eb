package dev.clod.gateway.energy;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The bundled traces load, and agree with the counts and values their README gives. */
class ShippedTracesTest {

    private static Map<TraceKey, PriceTrace> shipped;

    @BeforeAll
    static void load() {
        shipped = CsvTraceReader.shipped();
    }

    static Stream<Arguments> series() {
        return Stream.of(
                Arguments.of("caiso-sp15", Market.REAL_TIME, 7290, Duration.ofMinutes(15)),
                Arguments.of("caiso-sp15", Market.DAY_AHEAD, 1848, Duration.ofHours(1)),
                Arguments.of("ercot-north", Market.REAL_TIME, 7390, Duration.ofMinutes(15)),
                Arguments.of("ercot-north", Market.DAY_AHEAD, 1848, Duration.ofHours(1)),
                Arguments.of("spp-south", Market.REAL_TIME, 22096, Duration.ofMinutes(5)),
                Arguments.of("miso-illinois", Market.REAL_TIME, 1848, Duration.ofHours(1)),
                Arguments.of("nyiso-nyc", Market.REAL_TIME, 1848, Duration.ofHours(1)),
                Arguments.of("isone-hub", Market.REAL_TIME, 1838, Duration.ofHours(1)));
    }

    @ParameterizedTest(name = "{0}/{1}")
    @MethodSource("series")
    void everySeriesIsPresentWithItsRowsAndResolution(String location, Market market, int rows, Duration resolution) {
        PriceTrace trace = shipped.get(new TraceKey(location, market));

        assertThat(trace).isNotNull();
        assertThat(trace.size()).isEqualTo(rows);
        assertThat(trace.resolution()).isEqualTo(resolution);
    }

    @Test
    void holdsExactlyTheListedSeries() {
        assertThat(shipped).hasSize((int) series().count());
    }

    static Stream<Arguments> knownValues() {
        return Stream.of(
                Arguments.of("ercot-north", Market.REAL_TIME, "2024-07-02T00:15:00Z", "96.97"),
                Arguments.of("ercot-north", Market.REAL_TIME, "2024-07-02T00:29:59Z", "96.97"),
                Arguments.of("ercot-north", Market.REAL_TIME, "2024-08-21T00:30:00Z", "4853.08"),
                Arguments.of("caiso-sp15", Market.REAL_TIME, "2024-07-02T00:00:00Z", "20.26978"),
                Arguments.of("spp-south", Market.REAL_TIME, "2024-07-02T00:07:00Z", "70.1271"),
                Arguments.of("isone-hub", Market.REAL_TIME, "2024-08-01T22:30:00Z", "2112.77"));
    }

    @ParameterizedTest(name = "{0}/{1} at {2}")
    @MethodSource("knownValues")
    void returnsThePublishedValueAtAnInstant(String location, Market market, String instant, String usdPerMwh) {
        assertThat(shipped.get(new TraceKey(location, market)).at(Instant.parse(instant)))
                .get()
                .extracting(EnergyPrice::usdPerMwh)
                .isEqualTo(new BigDecimal(usdPerMwh));
    }

    @Test
    void documentedGapsHaveNoPriceAndNegativePricesAreKept() {
        PriceTrace ercot = shipped.get(new TraceKey("ercot-north", Market.REAL_TIME));
        PriceTrace spp = shipped.get(new TraceKey("spp-south", Market.REAL_TIME));

        assertThat(ercot.at(Instant.parse("2024-07-18T20:20:00Z"))).isEmpty();
        assertThat(ercot.at(Instant.parse("2024-07-18T22:45:00Z"))).isEmpty();
        assertThat(ercot.at(Instant.parse("2024-07-18T22:30:00Z"))).isPresent();
        assertThat(spp.prices().stream().map(EnergyPrice::usdPerMwh).min(BigDecimal::compareTo))
                .contains(new BigDecimal("-37.8867")); // the README rounds it to -37.89
    }
}
