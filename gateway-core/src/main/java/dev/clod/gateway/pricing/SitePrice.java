package dev.clod.gateway.pricing;

import dev.clod.gateway.catalog.Site;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * The electricity price a site is priced at, at one instant, and how it was found.
 *
 * @param usdPerMwh the wholesale price in $/MWh as published (negative prices kept; the token price
 *     floors them)
 * @param since when this price started to apply: the interval's start for a live price, when it went
 *     stale, when the fallback took over
 * @param until the next instant at which the price may change by itself (the interval's end, the end of
 *     its maximum age, the next published interval); {@link Instant#MAX} if nothing is known
 * @param feed the feed's name
 * @param feedError why the feed's latest read failed, or null
 */
public record SitePrice(
        Site site,
        BigDecimal usdPerMwh,
        PriceStatus status,
        Instant since,
        Instant until,
        String feed,
        String feedError) {

    public SitePrice {
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(usdPerMwh, "usdPerMwh");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(until, "until");
        Objects.requireNonNull(feed, "feed");
    }

    /** Whether another reading tells a different story: another price or another status. */
    public boolean differsFrom(SitePrice other) {
        return other == null
                || usdPerMwh.compareTo(other.usdPerMwh) != 0
                || status != other.status
                || !since.equals(other.since);
    }
}
