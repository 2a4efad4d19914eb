package dev.clod.gateway.energy;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Forecasts a wholesale price from the past alone: the mean of the prices at the same time of day on
 * the previous {@code days} days, using only what was known when the forecast was made. Power prices
 * follow a strong daily cycle (solar noon, the evening ramp), which this method keeps, and it needs no
 * fitting; its error on the shipped traces, beside the day-ahead market's own, is in the energy page
 * of the documentation.
 */
public final class SeasonalForecast {

    private static final Duration DAY = Duration.ofDays(1);
    private static final int SCALE = 6;

    private final PriceTrace history;
    private final int days;

    /** @param days how many past days to average, at least 1 */
    public SeasonalForecast(PriceTrace history, int days) {
        if (days < 1) {
            throw new IllegalArgumentException("a forecast looks back at least one day");
        }
        this.history = history;
        this.days = days;
    }

    /**
     * The price expected at {@code target}, forecast with the prices known before {@code knownUntil};
     * empty when none of the looked-back days has a known price.
     */
    public Optional<BigDecimal> at(Instant target, Instant knownUntil) {
        BigDecimal sum = BigDecimal.ZERO;
        int found = 0;
        Instant past = target.minus(DAY);
        for (int seen = 0; seen < days && !past.isBefore(history.start()); past = past.minus(DAY)) {
            if (!past.isBefore(knownUntil)) {
                continue;
            }
            seen++;
            Optional<EnergyPrice> price = history.at(past);
            if (price.isPresent() && price.get().end().compareTo(knownUntil) <= 0) {
                sum = sum.add(price.get().usdPerMwh());
                found++;
            }
        }
        if (found == 0) {
            return Optional.empty();
        }
        return Optional.of(
                sum.divide(BigDecimal.valueOf(found), MathContext.DECIMAL64).setScale(SCALE, RoundingMode.HALF_EVEN));
    }
}
