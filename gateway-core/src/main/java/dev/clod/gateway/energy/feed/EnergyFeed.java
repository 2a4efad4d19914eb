package dev.clod.gateway.energy.feed;

import dev.clod.gateway.energy.PriceTrace;
import dev.clod.gateway.energy.TraceKey;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * A source of wholesale electricity prices for some grid locations: a replayed trace, a polled HTTP
 * endpoint or fixed values.
 *
 * <p>Implementations are thread-safe and never throw from their read methods: a feed that cannot be
 * reached keeps what it had and says so in its {@link #health()}, so routing never fails because of a
 * feed.
 */
public interface EnergyFeed extends AutoCloseable {

    /** How the feed is named in listings and logs, e.g. {@code csv:ercot-north.csv}. */
    String name();

    /** The grid locations this feed prices; fixed at start so that sites can be checked against it. */
    Set<String> locations();

    /** Every price the feed holds for a location and market now, or empty when it has none. */
    Optional<PriceTrace> trace(TraceKey key);

    /**
     * Day-ahead prices for intervals starting before this instant were published by {@code now}.
     * A replayed trace holds days that were not yet published at the replayed instant; a live feed
     * only holds what was published.
     */
    Instant dayAheadPublishedUntil(Instant now);

    /** Whether the last attempt to read the feed worked, and when it last did. */
    FeedHealth health();

    /** Stops any polling. */
    @Override
    default void close() {}
}
