package dev.clod.gateway.energy;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SeasonalForecastTest {

    private static final Instant DAY0 = Instant.parse("2024-08-01T00:00:00Z");
    private static final TraceKey KEY = new TraceKey("test-grid", Market.REAL_TIME);

    /** Four days of hourly prices: hour h of day d costs 10·d + h. */
    private static PriceTrace fourDays() {
        Map<Instant, BigDecimal> prices = new LinkedHashMap<>();
        for (int d = 0; d < 4; d++) {
            for (int h = 0; h < 24; h++) {
                prices.put(DAY0.plus(Duration.ofDays(d)).plus(Duration.ofHours(h)), BigDecimal.valueOf(10L * d + h));
            }
        }
        return PriceTrace.of(KEY, prices, Duration.ofHours(1));
    }

    @Test
    void averagesTheSameHourOfThePreviousDays() {
        SeasonalForecast forecast = new SeasonalForecast(fourDays(), 3);
        Instant target = DAY0.plus(Duration.ofDays(3)).plus(Duration.ofHours(18));

        // Days 0, 1 and 2 at 18:00: 18, 28, 38.
        assertThat(forecast.at(target, target))
                .hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("28"));
    }

    @Test
    void usesOnlyWhatWasKnownWhenTheForecastWasMade() {
        SeasonalForecast forecast = new SeasonalForecast(fourDays(), 3);
        Instant target = DAY0.plus(Duration.ofDays(3)).plus(Duration.ofHours(18));
        Instant dayAhead = target.minus(Duration.ofHours(30));

        // Made 30 hours ahead, yesterday's 18:00 was not known yet: days 0 and 1 only.
        assertThat(forecast.at(target, dayAhead))
                .hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("23"));
    }

    @Test
    void nothingKnownMeansNoForecast() {
        SeasonalForecast forecast = new SeasonalForecast(fourDays(), 7);

        assertThat(forecast.at(DAY0.plus(Duration.ofHours(5)), DAY0.plus(Duration.ofHours(5))))
                .isEmpty();
    }

    @Test
    void theMeanAbsoluteErrorOfAPredictionIsExact() {
        PriceTrace actual = fourDays();

        ForecastError.Result error = ForecastError.meanAbsolute(
                actual,
                t -> actual.at(t).map(p -> p.usdPerMwh()
                        .add(t.getEpochSecond() % 7200 == 0 ? BigDecimal.ONE : BigDecimal.valueOf(-3))),
                DAY0,
                DAY0.plus(Duration.ofHours(4)),
                Duration.ofHours(1));

        // Errors 1, 3, 1, 3 over four hours.
        assertThat(error.samples()).isEqualTo(4);
        assertThat(error.meanAbsoluteError()).isEqualByComparingTo("2");
    }

    @Test
    void onTheShippedTracesBothForecastsAreMeasured() {
        Map<TraceKey, PriceTrace> shipped = CsvTraceReader.shipped();
        PriceTrace realTime = shipped.get(new TraceKey("caiso-sp15", Market.REAL_TIME));
        PriceTrace dayAhead = shipped.get(new TraceKey("caiso-sp15", Market.DAY_AHEAD));
        SeasonalForecast seasonal = new SeasonalForecast(realTime, 7);
        Instant from = Instant.parse("2024-07-16T00:00:00Z");
        Instant to = Instant.parse("2024-09-16T00:00:00Z");

        ForecastError.Result seasonalError = ForecastError.meanAbsolute(
                realTime, t -> seasonal.at(t, t.minus(Duration.ofDays(1))), from, to, Duration.ofHours(1));
        ForecastError.Result dayAheadError = ForecastError.meanAbsolute(
                realTime, t -> dayAhead.at(t).map(EnergyPrice::usdPerMwh), from, to, Duration.ofHours(1));

        assertThat(seasonalError.samples()).isGreaterThan(1_000);
        assertThat(dayAheadError.samples()).isGreaterThan(1_000);
        assertThat(seasonalError.meanAbsoluteError()).isPositive();
        assertThat(dayAheadError.meanAbsoluteError()).isPositive();
    }
}
