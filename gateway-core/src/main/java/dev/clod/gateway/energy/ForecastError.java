package dev.clod.gateway.energy;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/** How far predicted prices were from the real ones: the mean absolute error, in $/MWh. */
public final class ForecastError {

    private ForecastError() {}

    /** The error of one set of predictions, and how many instants it was measured at. */
    public record Result(BigDecimal meanAbsoluteError, int samples) {}

    /**
     * Compares {@code predicted} with {@code actual} every {@code step} in {@code [from, to)}, wherever
     * both have a value.
     */
    public static Result meanAbsolute(
            PriceTrace actual,
            Function<Instant, Optional<BigDecimal>> predicted,
            Instant from,
            Instant to,
            Duration step) {
        BigDecimal total = BigDecimal.ZERO;
        int samples = 0;
        for (Instant t = from; t.isBefore(to); t = t.plus(step)) {
            Optional<EnergyPrice> real = actual.at(t);
            if (real.isEmpty()) {
                continue;
            }
            Optional<BigDecimal> guess = predicted.apply(t);
            if (guess.isEmpty()) {
                continue;
            }
            total = total.add(guess.get().subtract(real.get().usdPerMwh()).abs());
            samples++;
        }
        if (samples == 0) {
            throw new IllegalArgumentException("no instant had both a real and a predicted price");
        }
        return new Result(
                total.divide(BigDecimal.valueOf(samples), MathContext.DECIMAL64).setScale(3, RoundingMode.HALF_EVEN),
                samples);
    }
}
