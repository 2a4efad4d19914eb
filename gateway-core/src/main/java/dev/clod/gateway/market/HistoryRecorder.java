package dev.clod.gateway.market;

import dev.clod.gateway.catalog.Site;
import dev.clod.gateway.energy.EnergyPrice;
import dev.clod.gateway.energy.Market;
import dev.clod.gateway.energy.PriceTrace;
import dev.clod.gateway.energy.TraceKey;
import dev.clod.gateway.pricing.LivePrices;
import dev.clod.gateway.pricing.SitePrice;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes every site's price changes into a {@link PriceHistory}, each at the instant it happened, not
 * when it was noticed: a published interval's start, the end of an interval that no other follows (the
 * price goes stale), and the end of its maximum age (the fallback takes over). So the history is the
 * same however often this runs. The first run also records the backfill period before now, which a
 * replayed trace or a feed that returns recent prices already holds.
 *
 * <p>A feed that delivers an interval after the clock has passed its start is recorded as it was seen
 * then (stale), not rewritten.
 */
final class HistoryRecorder {

    private static final Logger LOG = LoggerFactory.getLogger(HistoryRecorder.class);

    private final LivePrices prices;
    private final Duration backfill;
    private volatile PriceHistory history;
    /** Per site: the instant up to which changes are recorded, and the last point recorded. */
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
        Instant now = prices.clock().instant();
        List<SitePricePoint> points = new ArrayList<>();
        Map<String, SitePricePoint> newest = new HashMap<>(lastPoint);
        for (Site site : prices.sites()) {
            boolean first = !recordedUntil.containsKey(site.id());
            Instant after = first ? now.minus(backfill) : recordedUntil.get(site.id());
            for (Instant at : changeInstants(site, after, now, first)) {
                SitePrice price = prices.priceAt(site, at);
                SitePricePoint point = new SitePricePoint(site.id(), price.since(), price.usdPerMwh(), price.status());
                SitePricePoint previous = newest.get(site.id());
                if (previous == null
                        || previous.status() != point.status()
                        || previous.usdPerMwh().compareTo(point.usdPerMwh()) != 0) {
                    points.add(point);
                    newest.put(site.id(), point);
                }
            }
        }
        if (points.isEmpty()) {
            advanceTo(now);
            return;
        }
        try {
            history.append(points);
            lastPoint.putAll(newest);
            advanceTo(now);
        } catch (RuntimeException e) {
            // Nothing is lost: the feed still holds the prices, and the next run retries from here.
            LOG.warn("could not keep {} price changes: {}", points.size(), e.toString());
        }
    }

    private void advanceTo(Instant now) {
        for (Site site : prices.sites()) {
            recordedUntil.put(site.id(), now);
        }
    }

    /** The instants in {@code (after, now]} (or {@code [after, now]} on a first run) where the price may change. */
    private TreeSet<Instant> changeInstants(Site site, Instant after, Instant now, boolean first) {
        TreeSet<Instant> instants = new TreeSet<>();
        if (first) {
            instants.add(after);
        }
        Duration maxAge = prices.policy().maxAge();
        Optional<PriceTrace> trace = prices.feedOf(site).trace(new TraceKey(site.gridLocation(), Market.REAL_TIME));
        if (trace.isPresent()) {
            for (EnergyPrice price : trace.get().between(after.minus(maxAge), now.plusNanos(1))) {
                for (Instant at :
                        List.of(price.start(), price.end(), price.end().plus(maxAge))) {
                    if (at.isAfter(after) && !at.isAfter(now)) {
                        instants.add(at);
                    }
                }
            }
        }
        return instants;
    }
}
