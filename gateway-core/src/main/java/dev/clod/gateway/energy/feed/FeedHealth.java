package dev.clod.gateway.energy.feed;

import java.time.Instant;

/**
 * What a feed last managed to do.
 *
 * @param lastSuccess when the feed last delivered prices (wall clock), or null if never
 * @param lastError why the latest attempt failed, or null when it worked
 * @param lastErrorAt when that attempt failed, or null
 */
public record FeedHealth(Instant lastSuccess, String lastError, Instant lastErrorAt) {

    /** A feed whose prices were all loaded at start and cannot fail afterwards. */
    public static FeedHealth loaded(Instant at) {
        return new FeedHealth(at, null, null);
    }

    public boolean failing() {
        return lastError != null;
    }
}
