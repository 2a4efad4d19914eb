package dev.clod.gateway.energy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WindowSearchTest {

    private static final Instant T0 = Instant.parse("2024-08-10T00:00:00Z");
    private static final TraceKey KEY = new TraceKey("test-grid", Market.REAL_TIME);

    @Test
    void findsTheCheapestWindowAndTheNextBestThatDoNotOverlapIt() {
        PriceTrace trace = hourly("50", "10", "20", "80", "5", "5", "90");

        List<PriceWindow> windows = WindowSearch.cheapest(trace, T0, hour(7), Duration.ofHours(2), 3);

        assertThat(windows).extracting(PriceWindow::start).containsExactly(hour(4), hour(1));
        assertThat(windows.get(0).averageUsdPerMwh()).isEqualByComparingTo("5");
        assertThat(windows.get(0).end()).isEqualTo(hour(6));
        assertThat(windows.get(1).averageUsdPerMwh()).isEqualByComparingTo("15");
    }

    @Test
    void theWorkMustFinishBeforeItsDeadline() {
        PriceTrace trace = hourly("50", "10", "20", "80", "5", "5", "90");

        List<PriceWindow> windows = WindowSearch.cheapest(trace, T0, hour(5), Duration.ofHours(2), 1);

        assertThat(windows).singleElement().satisfies(window -> {
            assertThat(window.start()).isEqualTo(hour(1));
            assertThat(window.end()).isBeforeOrEqualTo(hour(5));
        });
    }

    @Test
    void aWindowMayStartInsideAnIntervalWhenThatIsCheaper() {
        PriceTrace trace = hourly("50", "10", "20");

        PriceWindow best = WindowSearch.cheapest(trace, T0, hour(3), Duration.ofMinutes(90), 1)
                .get(0);

        // (60 min at 10 + 30 min at 20) / 90 min
        assertThat(best.start()).isEqualTo(hour(1));
        assertThat(best.averageUsdPerMwh()).isEqualByComparingTo("13.333333");
    }

    @Test
    void windowsOverAGapAreNeverProposed() {
        Map<Instant, BigDecimal> prices = new LinkedHashMap<>();
        prices.put(hour(0), new BigDecimal("40"));
        prices.put(hour(1), new BigDecimal("1"));
        prices.put(hour(3), new BigDecimal("2"));
        prices.put(hour(4), new BigDecimal("30"));
        PriceTrace trace = PriceTrace.of(KEY, prices, Duration.ofHours(1));

        List<PriceWindow> windows = WindowSearch.cheapest(trace, T0, hour(5), Duration.ofHours(2), 5);

        assertThat(windows).extracting(PriceWindow::start).containsExactly(hour(3), hour(0));
        assertThat(WindowSearch.average(trace, hour(1), hour(3))).isEmpty();
    }

    @Test
    void negativePricesMakeTheCheapestWindows() {
        PriceTrace trace = hourly("20", "-5", "-10", "30");

        assertThat(WindowSearch.cheapest(trace, T0, hour(4), Duration.ofHours(2), 1)
                        .get(0)
                        .averageUsdPerMwh())
                .isEqualByComparingTo("-7.5");
    }

    @Test
    void noWindowFitsWhenTheDeadlineIsTooNearOrTheTraceEnds() {
        PriceTrace trace = hourly("20", "30");

        assertThat(WindowSearch.cheapest(trace, T0, hour(1), Duration.ofHours(2), 1))
                .isEmpty();
        assertThat(WindowSearch.cheapest(trace, hour(1), hour(5), Duration.ofHours(2), 1))
                .isEmpty();
        assertThatThrownBy(() -> WindowSearch.cheapest(trace, T0, hour(2), Duration.ZERO, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onTheShippedErcotTraceTheCheapestFourHoursOfADayAreFound() {
        PriceTrace ercot = CsvTraceReader.shipped().get(new TraceKey("ercot-north", Market.REAL_TIME));
        Instant day = Instant.parse("2024-08-20T05:00:00Z");

        PriceWindow best = WindowSearch.cheapest(ercot, day, day.plus(Duration.ofDays(1)), Duration.ofHours(4), 1)
                .get(0);

        // Every other 4-hour window of that day costs at least as much.
        for (Instant start = day;
                !start.plus(Duration.ofHours(4)).isAfter(day.plus(Duration.ofDays(1)));
                start = start.plus(ercot.resolution())) {
            WindowSearch.average(ercot, start, start.plus(Duration.ofHours(4)))
                    .ifPresent(window ->
                            assertThat(window.averageUsdPerMwh()).isGreaterThanOrEqualTo(best.averageUsdPerMwh()));
        }
    }

    private static PriceTrace hourly(String... usdPerMwh) {
        Map<Instant, BigDecimal> prices = new LinkedHashMap<>();
        for (int i = 0; i < usdPerMwh.length; i++) {
            prices.put(hour(i), new BigDecimal(usdPerMwh[i]));
        }
        return PriceTrace.of(KEY, prices, Duration.ofHours(1));
    }

    private static Instant hour(int h) {
        return T0.plus(Duration.ofHours(h));
    }
}
