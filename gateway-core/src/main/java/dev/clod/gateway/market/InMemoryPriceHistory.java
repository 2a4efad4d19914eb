package dev.clod.gateway.market;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Price history in memory, for an embedded gateway without a database. Keeps what is newer than the
 * retention, measured from the newest point of each site, so a long replay does not grow without end.
 */
public final class InMemoryPriceHistory implements PriceHistory {

    private final Duration retention;
    private final Map<String, ConcurrentSkipListMap<Instant, SitePricePoint>> bySite = new ConcurrentHashMap<>();

    public InMemoryPriceHistory(Duration retention) {
        this.retention = retention;
    }

    @Override
    public void append(List<SitePricePoint> points) {
        for (SitePricePoint point : points) {
            ConcurrentSkipListMap<Instant, SitePricePoint> site =
                    bySite.computeIfAbsent(point.siteId(), id -> new ConcurrentSkipListMap<>());
            site.putIfAbsent(point.at(), point);
            Instant oldest = site.lastKey().minus(retention);
            // keep the point in effect at the oldest instant, so a full window still has its start
            Instant keepFrom = site.floorKey(oldest);
            if (keepFrom != null) {
                site.headMap(keepFrom).clear();
            }
        }
    }

    @Override
    public List<SitePricePoint> series(String siteId, Instant from, Instant to) {
        NavigableMap<Instant, SitePricePoint> site = bySite.get(siteId);
        if (site == null) {
            return List.of();
        }
        List<SitePricePoint> points = new ArrayList<>();
        Map.Entry<Instant, SitePricePoint> before = site.floorEntry(from);
        if (before != null) {
            points.add(before.getValue());
        }
        points.addAll(site.subMap(from, false, to, true).values());
        return points;
    }
}
