package dev.clod.gateway.energy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Prints the mean absolute error of the seasonal forecast and of the day-ahead market against the
 * real-time prices of the shipped traces, for the energy page of the documentation. Not a test: run
 * it by hand.
 */
public final class ForecastErrorReport {

    private ForecastErrorReport() {}

    public static void main(String[] args) {
        Map<TraceKey, PriceTrace> shipped = CsvTraceReader.shipped();
        // A week in, so every forecast can look back seven days; to the end of the common window.
        Instant from = Instant.parse("2024-07-09T00:00:00Z");
        Instant to = Instant.parse("2024-09-17T00:00:00Z");
        System.out.println("location       method                      MAE $/MWh  samples");
        for (TraceKey key : shipped.keySet()) {
            if (key.market() != Market.REAL_TIME) {
                continue;
            }
            PriceTrace realTime = shipped.get(key);
            for (int days : new int[] {1, 7}) {
                SeasonalForecast seasonal = new SeasonalForecast(realTime, days);
                ForecastError.Result error = ForecastError.meanAbsolute(
                        realTime, t -> seasonal.at(t, t.minus(Duration.ofDays(1))), from, to, Duration.ofHours(1));
                System.out.printf(
                        "%-14s seasonal, %d day(s), 24 h ahead %9s  %7d%n",
                        key.location(), days, error.meanAbsoluteError(), error.samples());
            }
            PriceTrace dayAhead = shipped.get(new TraceKey(key.location(), Market.DAY_AHEAD));
            if (dayAhead != null) {
                ForecastError.Result error = ForecastError.meanAbsolute(
                        realTime, t -> dayAhead.at(t).map(EnergyPrice::usdPerMwh), from, to, Duration.ofHours(1));
                System.out.printf(
                        "%-14s day-ahead market             %9s  %7d%n",
                        key.location(), error.meanAbsoluteError(), error.samples());
            }
        }
    }
}
