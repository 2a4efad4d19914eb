package dev.clod.gateway.energy;

import java.util.Comparator;
import java.util.Objects;

/**
 * Names one price series: a grid location (such as {@code ercot-north}) in one market.
 *
 * @param location the energy-feed location id a site's {@code grid_location} refers to
 * @param market the market the prices were settled in
 */
public record TraceKey(String location, Market market) implements Comparable<TraceKey> {

    private static final Comparator<TraceKey> ORDER =
            Comparator.comparing(TraceKey::location).thenComparing(TraceKey::market);

    public TraceKey {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(market, "market");
        if (location.isBlank() || !location.strip().equals(location)) {
            throw new IllegalArgumentException(
                    "location must be a non-blank id without surrounding spaces: '" + location + "'");
        }
    }

    /** Location first, then real-time before day-ahead. */
    @Override
    public int compareTo(TraceKey other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return location + "/" + market.code();
    }
}
