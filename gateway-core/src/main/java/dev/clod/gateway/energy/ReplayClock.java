package dev.clod.gateway.energy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A clock that replays a stretch of past time, such as the span of a price trace, at a chosen speed.
 *
 * <p>{@code instant() = replayStart + (wall.instant() − wall instant at creation) × speed}. At speed 60
 * one wall-clock minute moves the replay by an hour. The clock holds no mutable state: it reads the
 * wall clock it was given (a fixed or hand-advanced one in tests), and {@link #withZone} keeps the same
 * origin. Scaling is exact decimal arithmetic, rounded to the nanosecond, so long replays do not drift.
 */
public final class ReplayClock extends Clock {

    private static final BigDecimal NANOS_PER_SECOND = BigDecimal.valueOf(1_000_000_000L);

    private final Instant replayStart;
    private final double speed;
    private final BigDecimal exactSpeed;
    /** The speed as a whole number when it is one (60, 3600): then scaling is one long multiplication. */
    private final long wholeSpeed;

    private final Clock wall;
    private final Instant wallOrigin;

    /**
     * A replay that starts now, as the wall clock reads it.
     *
     * @param replayStart the instant this clock reads at creation
     * @param speed replayed time per unit of wall time; positive and finite
     * @param wall the clock whose passing time drives the replay
     */
    public ReplayClock(Instant replayStart, double speed, Clock wall) {
        this(replayStart, speed, wall, Objects.requireNonNull(wall, "wall").instant());
    }

    private ReplayClock(Instant replayStart, double speed, Clock wall, Instant wallOrigin) {
        this.replayStart = Objects.requireNonNull(replayStart, "replayStart");
        if (!(speed > 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("speed must be positive and finite: " + speed);
        }
        this.speed = speed;
        // valueOf takes the decimal the caller wrote (0.1, not its binary approximation)
        this.exactSpeed = BigDecimal.valueOf(speed);
        this.wholeSpeed = speed == Math.rint(speed) && speed < Long.MAX_VALUE ? (long) speed : 0;
        this.wall = wall;
        this.wallOrigin = wallOrigin;
    }

    /** The replayed instant at creation. */
    public Instant replayStart() {
        return replayStart;
    }

    /** Replayed time per unit of wall time. */
    public double speed() {
        return speed;
    }

    @Override
    public Instant instant() {
        Duration elapsed = Duration.between(wallOrigin, wall.instant());
        if (wholeSpeed != 0) {
            try {
                // Read on every request: exact long arithmetic, until it would overflow (centuries).
                long nanos = Math.multiplyExact(
                        Math.addExact(Math.multiplyExact(elapsed.getSeconds(), 1_000_000_000L), elapsed.getNano()),
                        wholeSpeed);
                return replayStart.plusNanos(nanos);
            } catch (ArithmeticException overflow) {
                // fall through to decimal arithmetic
            }
        }
        BigDecimal nanos = BigDecimal.valueOf(elapsed.getSeconds())
                .multiply(NANOS_PER_SECOND)
                .add(BigDecimal.valueOf(elapsed.getNano()))
                .multiply(exactSpeed)
                .setScale(0, RoundingMode.HALF_EVEN);
        BigDecimal[] secondsAndNanos = nanos.divideAndRemainder(NANOS_PER_SECOND);
        return replayStart
                .plusSeconds(secondsAndNanos[0].longValueExact())
                .plusNanos(secondsAndNanos[1].longValueExact());
    }

    @Override
    public ZoneId getZone() {
        return wall.getZone();
    }

    @Override
    public ReplayClock withZone(ZoneId zone) {
        return zone.equals(wall.getZone())
                ? this
                : new ReplayClock(replayStart, speed, wall.withZone(zone), wallOrigin);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ReplayClock that
                && replayStart.equals(that.replayStart)
                && Double.compare(speed, that.speed) == 0
                && wall.equals(that.wall)
                && wallOrigin.equals(that.wallOrigin);
    }

    @Override
    public int hashCode() {
        return Objects.hash(replayStart, speed, wall, wallOrigin);
    }

    @Override
    public String toString() {
        return "ReplayClock[from " + replayStart + " at " + speed + "x, driven by " + wall + "]";
    }
}
