package dev.clod.camel.energy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A gateway server's energy clock as seen from here: the latest {@code as_of} it answered with, carried
 * forward by the wall time since, at the speed measured between readings (a server replaying past
 * prices runs faster than the wall clock). When the latest reading is older than {@code refreshAfter},
 * reading the clock asks the server again; while it cannot be reached, the last reading is carried
 * forward.
 */
final class ServerClock extends Clock {

    /** Readings closer together than this say too little about the server's speed. */
    private static final Duration MIN_SPAN = Duration.ofSeconds(1);

    private record Reading(Instant wall, Instant asOf) {}

    private final Clock wall;
    private final Duration refreshAfter;
    private final Runnable refresh;
    private Reading anchor;
    private Reading latest;
    private double speed = 1;

    /**
     * @param refresh asks the server for its {@code as_of}; it reports back through {@link #observe}
     */
    ServerClock(Clock wall, Duration refreshAfter, Runnable refresh) {
        this.wall = wall;
        this.refreshAfter = refreshAfter;
        this.refresh = refresh;
    }

    /** Takes in an {@code as_of} the server just answered with. */
    synchronized void observe(Instant asOf) {
        Reading reading = new Reading(wall.instant(), asOf);
        if (anchor == null || asOf.isBefore(latest.asOf())) {
            // first reading, or the server went back in time (restarted its replay): measure afresh
            anchor = reading;
            speed = 1;
        } else {
            Duration wallSpan = Duration.between(anchor.wall(), reading.wall());
            if (wallSpan.compareTo(MIN_SPAN) >= 0) {
                double measured = (double) Duration.between(anchor.asOf(), asOf).toMillis() / wallSpan.toMillis();
                speed = measured > 0 ? measured : 1;
            }
        }
        latest = reading;
    }

    /** Energy-clock time per unit of wall time, as last measured; 1 until two readings are far enough apart. */
    synchronized double speed() {
        return speed;
    }

    @Override
    public Instant instant() {
        Reading current;
        synchronized (this) {
            current = latest;
        }
        if (current == null || Duration.between(current.wall(), wall.instant()).compareTo(refreshAfter) > 0) {
            try {
                refresh.run();
            } catch (RuntimeException unreachable) {
                if (current == null) {
                    throw unreachable;
                }
                // carry the last reading forward until the server answers again
            }
        }
        synchronized (this) {
            Duration since = Duration.between(latest.wall(), wall.instant());
            return latest.asOf().plusMillis(Math.round(since.toMillis() * speed));
        }
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the server's clock is read in UTC");
    }
}
