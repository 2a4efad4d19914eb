package dev.clod.gateway.energy.savings;

import dev.clod.gateway.energy.EnergyPrice;
import dev.clod.gateway.energy.Market;
import dev.clod.gateway.energy.PriceTrace;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * A location's day-ahead prices and when each was known. A day-ahead market clears once a day for the
 * whole next operating day (midnight to midnight in the market's time zone) and publishes the results
 * in the early afternoon: before that, a day's prices cannot be used.
 *
 * @param prices the day-ahead price series
 * @param zone the market's time zone, which its operating days follow
 * @param publishedAt the local time on the day before at which an operating day's prices are published
 */
public record DayAheadMarket(PriceTrace prices, ZoneId zone, LocalTime publishedAt) {

    public DayAheadMarket {
        Objects.requireNonNull(prices, "prices");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(publishedAt, "publishedAt");
        if (prices.key().market() != Market.DAY_AHEAD) {
            throw new IllegalArgumentException("not a day-ahead series: " + prices.key());
        }
    }

    /** When the day-ahead price for the moment {@code target} was published. */
    public Instant publishedFor(Instant target) {
        LocalDate operatingDay = target.atZone(zone).toLocalDate();
        return operatingDay.minusDays(1).atTime(publishedAt).atZone(zone).toInstant();
    }

    /** The day-ahead price for {@code target} if it had been published by {@code asOf}. */
    public Optional<EnergyPrice> knownAt(Instant target, Instant asOf) {
        if (asOf.isBefore(publishedFor(target))) {
            return Optional.empty();
        }
        return prices.at(target);
    }
}
