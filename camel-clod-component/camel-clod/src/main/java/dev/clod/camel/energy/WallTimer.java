package dev.clod.camel.energy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;

/**
 * An {@link EnergyTimer} on a scheduled executor. The energy clock may run faster than the wall clock
 * (a replay), or be a server's clock read from afar, so the timer waits the wall time the clock's speed
 * says, at most {@code longestWait}, then reads the clock again and waits more if it is not there yet.
 */
final class WallTimer implements EnergyTimer {

    private final Clock clock;
    private final DoubleSupplier speed;
    private final ScheduledExecutorService executor;
    private final Duration longestWait;
    private final Set<Task> pending = ConcurrentHashMap.newKeySet();

    /**
     * @param speed energy-clock time per unit of wall time, read before each wait
     * @param longestWait the longest wall-clock wait before the clock is read again
     */
    WallTimer(Clock clock, DoubleSupplier speed, ScheduledExecutorService executor, Duration longestWait) {
        this.clock = clock;
        this.speed = speed;
        this.executor = executor;
        this.longestWait = longestWait;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public Scheduled at(Instant when, Runnable task) {
        Task scheduled = new Task(when, task);
        pending.add(scheduled);
        scheduled.arm();
        return scheduled;
    }

    @Override
    public void close() {
        pending.forEach(Task::cancel);
    }

    private final class Task implements Scheduled {

        private final Instant when;
        private final Runnable task;
        private volatile boolean cancelled;
        private volatile ScheduledFuture<?> future;

        Task(Instant when, Runnable task) {
            this.when = when;
            this.task = task;
        }

        void arm() {
            Duration ahead = Duration.between(clock.instant(), when);
            long wallNanos = 0;
            if (!ahead.isNegative() && !ahead.isZero()) {
                double rate = speed.getAsDouble();
                double energyNanos = ahead.getSeconds() * 1e9 + ahead.getNano();
                wallNanos = (long) Math.min(Math.ceil(energyNanos / (rate > 0 ? rate : 1)), longestWait.toNanos());
            }
            future = executor.schedule(this::fire, wallNanos, TimeUnit.NANOSECONDS);
        }

        private void fire() {
            if (cancelled) {
                return;
            }
            if (clock.instant().isBefore(when)) {
                arm();
                return;
            }
            pending.remove(this);
            task.run();
        }

        @Override
        public void cancel() {
            cancelled = true;
            pending.remove(this);
            ScheduledFuture<?> armed = future;
            if (armed != null) {
                armed.cancel(false);
            }
        }
    }
}
