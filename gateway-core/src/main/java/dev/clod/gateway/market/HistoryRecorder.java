package dev.clod.gateway.market;

import dev.clod.gateway.catalog.Site;
import dev.clod.gateway.energy.EnergyPrice;
import dev.clod.gateway.energy.Market;
import dev.clod.gateway.energy.PriceTrace;
import dev.clod.gateway.energy.TraceKey;
import dev.clod.gateway.pricing.LivePrices;
import dev.clod.gateway.pricing.PriceBoard;
import dev.clod.gateway.pricing.PriceStatus;
import dev.clod.gateway.pricing.SitePrice;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes every site's price changes into a {@link PriceHistory}: each published interval that has
 * started by now, at its own start instant (not when it was noticed), and each move to a stale or
 * fallback price. The first run also records the backfill period before now, which a replayed trace
 * or a feed that returns recent prices already holds.
 *
 * <p>Runs on one thread at a time (the caller's timer); the history it writes to is thread-safe.
 */
final class HistoryRecorder {

    private static final Logger LOG = LoggerFactory.getLogger(HistoryRecorder.class);

    private final LivePrices prices;
    private final Duration backfill;
    private volatile PriceHistory history;
    /** Per site: the start of the newest published interval recorded, and the last point recorded. */
    private final Map<String, Instant> recordedUntil = new HashMap<>();

    private final Map<String, SitePricePoint> lastPoint = new HashMap<>();

    HistoryRecorder(LivePrices prices, PriceHistory history, Duration backfill) {
        this.prices = prices;
        this.history = history;
        this.backfill = backfill;
    }

    PriceHistory history() {
        return history;
    }

    /** Records into another history from now on, backfilling it as on a first run. */
    synchronized void switchTo(PriceHistory next) {
        this.history = next;
        recordedUntil.clear();
        lastPoint.clear();
        record();
    }

    /** Records what changed since the last call. */
    synchronized void record() {
        PriceBoard board = prices.board();
        Instant now = board.asOf();
        List<SitePricePoint> points = new ArrayList<>();
        for (Site site : prices.sites()) {
            Instant after = recordedUntil.getOrDefault(site.id(), now.minus(backfill));
            Optional<PriceTrace> trace = prices.feedOf(site).trace(new TraceKey(site.gridLocation(), Market.REAL_TIME));
            if (trace.isPresent()) {
                for (EnergyPrice price : trace.get().between(after, now.plusNanos(1))) {
                    if (price.start().isAfter(after) || !recordedUntil.containsKey(site.id())) {
                        if (!price.start().isAfter(now)) {
                            points.add(point(site, price.start(), price, PriceStatus.LIVE));
                        }
                    }
                }
                trace.get().latestAtOrBefore(now).ifPresent(last -> recordedUntil.put(site.id(), last.start()));
            }
            SitePrice current = board.sites().get(site.id());
            if (current != null && current.status() != PriceStatus.LIVE) {
                SitePricePoint point =
                        new SitePricePoint(site.id(), current.since(), current.usdPerMwh(), current.status());
                if (!point.equals(lastPoint.get(site.id()))) {
                    points.add(point);
                }
            }
            if (!points.isEmpty()) {
                SitePricePoint newest = null;
                for (SitePricePoint point : points) {
                    if (point.siteId().equals(site.id())
                            && (newest == null || !point.at().isBefore(newest.at()))) {
                        newest = point;
                    }
                }
                if (newest != null) {
                    lastPoint.put(site.id(), newest);
                }
            }
        }
        if (!points.isEmpty()) {
            try {
                history.append(points);
            } catch (RuntimeException e) {
                // The points are not lost from the feed: the next run retries from where it stood.
                LOG.warn("could not keep {} price changes: {}", points.size(), e.toString());
                recordedUntil.clear();
                lastPoint.clear();
            }
        }
    }

    private static SitePricePoint point(Site site, Instant at, EnergyPrice price, PriceStatus status) {
        return new SitePricePoint(site.id(), at, price.usdPerMwh(), status);
    }
}
