package dev.clod.gateway.market;

import dev.clod.gateway.energy.EnergyPrice;
import dev.clod.gateway.energy.Market;
import dev.clod.gateway.energy.PriceTrace;
import dev.clod.gateway.energy.SeasonalForecast;
import dev.clod.gateway.energy.TraceKey;
import dev.clod.gateway.energy.feed.EnergyFeed;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The prices expected at one grid location from now to a deadline, using only what is known now: the
 * current interval's real price, then the day-ahead market's published prices where the feed has them,
 * then the mean of the same time of day over the previous {@value #DAYS} days (the method and its
 * measured error are in the energy documentation).
 */
final class SiteForecast {

    static final int DAYS = 7;

    /** The expected prices, and which of the two sources filled them. */
    record Expected(PriceTrace trace, boolean usedDayAhead, boolean usedForecast) {
        String basis() {
            if (usedDayAhead && usedForecast) {
                return "mixed";
            }
            return usedDayAhead ? "day_ahead" : "forecast";
        }
    }

    private SiteForecast() {}

    /** Empty when the feed knows too little to expect anything over the whole span. */
    static Optional<Expected> expect(EnergyFeed feed, String location, Instant now, Instant deadline) {
        Optional<PriceTrace> realTime = feed.trace(new TraceKey(location, Market.REAL_TIME));
        if (realTime.isEmpty()) {
            return Optional.empty();
        }
        Optional<PriceTrace> dayAhead = feed.trace(new TraceKey(location, Market.DAY_AHEAD));
        Instant published = feed.dayAheadPublishedUntil(now);
        // The finer of the two series, so that neither a real-time step nor a day-ahead hour is skipped.
        Duration step = dayAhead.isPresent()
                        && dayAhead.get().resolution().compareTo(realTime.get().resolution()) < 0
                ? dayAhead.get().resolution()
                : realTime.get().resolution();
        SeasonalForecast seasonal = new SeasonalForecast(realTime.get(), DAYS);
        TreeMap<Instant, BigDecimal> expected = new TreeMap<>();
        boolean usedDayAhead = false;
        boolean usedForecast = false;
        Instant t = now;
        Optional<EnergyPrice> current = realTime.get().at(now);
        if (current.isPresent()) {
            expected.put(now, current.get().usdPerMwh());
            t = current.get().end();
        } else {
            t = align(now, step);
        }
        for (; t.isBefore(deadline); t = t.plus(step)) {
            Optional<BigDecimal> price = Optional.empty();
            if (dayAhead.isPresent() && t.isBefore(published)) {
                price = dayAhead.get().at(t).map(EnergyPrice::usdPerMwh);
                usedDayAhead |= price.isPresent();
            }
            if (price.isEmpty()) {
                price = seasonal.at(t, now);
                usedForecast |= price.isPresent();
            }
            if (price.isPresent()) {
                expected.put(t, price.get());
            }
        }
        if (expected.isEmpty()) {
            return Optional.empty();
        }
        TraceKey key = new TraceKey(location, Market.REAL_TIME);
        PriceTrace trace = PriceTrace.of(key, expected, step);
        return Optional.of(new Expected(trace, usedDayAhead, usedForecast));
    }

    /** The first step boundary at or after the instant, counting steps from the epoch. */
    private static Instant align(Instant instant, Duration step) {
        long stepMillis = step.toMillis();
        long millis = instant.toEpochMilli();
        long aligned = Math.floorDiv(millis + stepMillis - 1, stepMillis) * stepMillis;
        return Instant.ofEpochMilli(aligned);
    }
}
