package dev.clod.gateway.energy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * A span of time and the time-weighted average wholesale price over it.
 *
 * @param end exclusive
 */
public record PriceWindow(Instant start, Instant end, BigDecimal averageUsdPerMwh) {

    public PriceWindow {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(averageUsdPerMwh, "averageUsdPerMwh");
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("a window ends after it starts");
        }
    }

    boolean overlaps(PriceWindow other) {
        return start.isBefore(other.end) && other.start.isBefore(end);
    }
}
