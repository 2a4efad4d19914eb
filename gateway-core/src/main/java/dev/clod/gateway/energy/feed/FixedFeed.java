package dev.clod.gateway.energy.feed;

import dev.clod.gateway.energy.Market;
import dev.clod.gateway.energy.PriceTrace;
import dev.clod.gateway.energy.TraceKey;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Prices that never change, for sites on a fixed-rate contract or for tests: one real-time price per
 * location, valid at every instant.
 */
public final class FixedFeed implements EnergyFeed {

    /** The one interval a fixed price covers: from the epoch to the year 9999. */
    private static final Instant FROM = Instant.EPOCH;

    private static final Instant UNTIL = Instant.parse("9999-01-01T00:00:00Z");

    private final Map<TraceKey, PriceTrace> traces = new HashMap<>();
    private final Set<String> locations;
    private final FeedHealth health;

    public FixedFeed(Map<String, BigDecimal> usdPerMwhByLocation, Instant loadedAt) {
        usdPerMwhByLocation.forEach((location, price) -> {
            TraceKey key = new TraceKey(location, Market.REAL_TIME);
            traces.put(key, PriceTrace.of(key, Map.of(FROM, price), Duration.between(FROM, UNTIL)));
        });
        this.locations = Set.copyOf(new TreeSet<>(usdPerMwhByLocation.keySet()));
        this.health = FeedHealth.loaded(loadedAt);
    }

    @Override
    public String name() {
        return "fixed";
    }

    @Override
    public Set<String> locations() {
        return locations;
    }

    @Override
    public Optional<PriceTrace> trace(TraceKey key) {
        return Optional.ofNullable(traces.get(key));
    }

    @Override
    public Instant dayAheadPublishedUntil(Instant now) {
        return now; // there is no day-ahead market for a fixed price
    }

    @Override
    public FeedHealth health() {
        return health;
    }
}
