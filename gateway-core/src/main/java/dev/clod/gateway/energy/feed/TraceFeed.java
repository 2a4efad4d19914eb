package dev.clod.gateway.energy.feed;

import dev.clod.gateway.energy.PriceTrace;
import dev.clod.gateway.energy.TraceKey;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Prices read once, at start, from trace files (CSV in the shared schema, or the traces shipped with
 * the gateway) and replayed as the clock moves.
 *
 * <p>A replay must not know more than the market did: a day-ahead price for day D counts as published
 * from {@value #PUBLISHED_AT_HOUR_UTC}:00 UTC on day D−1, a little after the US day-ahead markets clear
 * (CAISO around 13:00 Pacific, ERCOT around 13:30 Central, both earlier than that in UTC in summer).
 */
public final class TraceFeed implements EnergyFeed {

    static final int PUBLISHED_AT_HOUR_UTC = 21;

    private final String name;
    private final Map<TraceKey, PriceTrace> traces;
    private final Set<String> locations;
    private final FeedHealth health;

    public TraceFeed(String name, Map<TraceKey, PriceTrace> traces, Instant loadedAt) {
        this.name = Objects.requireNonNull(name, "name");
        this.traces = Map.copyOf(traces);
        TreeSet<String> found = new TreeSet<>();
        traces.keySet().forEach(key -> found.add(key.location()));
        this.locations = Set.copyOf(found);
        this.health = FeedHealth.loaded(loadedAt);
    }

    @Override
    public String name() {
        return name;
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
        Instant today = now.truncatedTo(ChronoUnit.DAYS);
        boolean tomorrowPublished =
                !now.atOffset(ZoneOffset.UTC).toLocalTime().isBefore(LocalTime.of(PUBLISHED_AT_HOUR_UTC, 0));
        return today.plus(Duration.ofDays(tomorrowPublished ? 2 : 1));
    }

    @Override
    public FeedHealth health() {
        return health;
    }

    @Override
    public String toString() {
        return "TraceFeed[" + name + ", " + traces.keySet() + "]";
    }
}
