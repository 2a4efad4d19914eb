package dev.clod.gateway.energy.savings;

import dev.clod.gateway.energy.Market;
import dev.clod.gateway.energy.PriceTrace;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * A data center a job may run at, with the prices its electricity is bought at.
 *
 * @param id the site's name, such as {@code dallas}
 * @param pue power usage effectiveness: the site's draw per unit drawn by its servers; at least 1
 * @param realTime the real-time prices of its grid location: what energy actually costs there
 * @param dayAhead the location's day-ahead market, where one is known
 */
public record Site(String id, BigDecimal pue, PriceTrace realTime, Optional<DayAheadMarket> dayAhead) {

    public Site {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(pue, "pue");
        Objects.requireNonNull(realTime, "realTime");
        Objects.requireNonNull(dayAhead, "dayAhead");
        if (pue.compareTo(BigDecimal.ONE) < 0) {
            throw new IllegalArgumentException("site " + id + ": PUE is at least 1, not " + pue);
        }
        if (realTime.key().market() != Market.REAL_TIME) {
            throw new IllegalArgumentException("site " + id + ": not a real-time series: " + realTime.key());
        }
    }

    /** A site whose location has no day-ahead market. */
    public Site(String id, BigDecimal pue, PriceTrace realTime) {
        this(id, pue, realTime, Optional.empty());
    }

    /** The grid location whose prices the site pays. */
    public String location() {
        return realTime.key().location();
    }
}
