package dev.clod.gateway.energy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * A wholesale electricity price over one interval, exactly as published.
 *
 * @param location the grid location id
 * @param market the market the price was settled in
 * @param start the first instant the price applies to (inclusive)
 * @param end the instant it stops applying (exclusive); always after {@code start}
 * @param usdPerMwh the price in US dollars per megawatt-hour; negative prices are real and kept
 */
public record EnergyPrice(String location, Market market, Instant start, Instant end, BigDecimal usdPerMwh) {

    public EnergyPrice {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(market, "market");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(usdPerMwh, "usdPerMwh");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("interval end " + end + " must be after its start " + start);
        }
    }

    /** The series this price belongs to. */
    public TraceKey key() {
        return new TraceKey(location, market);
    }

    /** Whether the instant falls in {@code [start, end)}. */
    public boolean contains(Instant instant) {
        return !instant.isBefore(start) && instant.isBefore(end);
    }
}
