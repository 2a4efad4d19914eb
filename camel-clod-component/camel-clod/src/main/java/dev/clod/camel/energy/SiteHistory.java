package dev.clod.camel.energy;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A model's price over a window at one site, as a step series: each point holds until the next.
 *
 * @param series oldest first
 */
public record SiteHistory(String site, String gridLocation, String deployment, List<PriceAt> series) {

    public SiteHistory {
        Objects.requireNonNull(site, "site");
        series = List.copyOf(series);
    }

    /** The price that applied at {@code instant}: the last point at or before it; empty before the first. */
    public Optional<PriceAt> at(Instant instant) {
        PriceAt found = null;
        for (PriceAt point : series) {
            if (point.at().isAfter(instant)) {
                break;
            }
            found = point;
        }
        return Optional.ofNullable(found);
    }
}
