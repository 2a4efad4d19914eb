package dev.clod.gateway.market;

import java.time.Instant;
import java.util.List;

/**
 * Every price change of every site, kept. Implementations are thread-safe; appending a point that is
 * already kept (same site and instant) changes nothing, so a restart may append history again.
 */
public interface PriceHistory {

    /** Keeps the points. */
    void append(List<SitePricePoint> points);

    /**
     * The site's points in {@code (from, to]}, oldest first, preceded by the last point at or before
     * {@code from} (the price in effect when the range starts), if there is one.
     */
    List<SitePricePoint> series(String siteId, Instant from, Instant to);
}
