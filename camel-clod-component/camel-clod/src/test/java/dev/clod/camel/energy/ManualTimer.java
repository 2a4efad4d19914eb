package dev.clod.camel.energy;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * An {@link EnergyTimer} that runs nothing by itself: {@link #advanceTo} moves the clock and runs, on the
 * test's thread and in order, every task that has come due, including tasks those tasks schedule.
 */
final class ManualTimer implements EnergyTimer {

    private record Task(Instant when, long order, Runnable task, boolean[] cancelled) {}

    private final MutableClock clock;
    private final PriorityQueue<Task> tasks =
            new PriorityQueue<>(Comparator.comparing(Task::when).thenComparingLong(Task::order));
    private long scheduledSoFar;

    ManualTimer(MutableClock clock) {
        this.clock = clock;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public synchronized Scheduled at(Instant when, Runnable task) {
        boolean[] cancelled = {false};
        tasks.add(new Task(when, scheduledSoFar++, task, cancelled));
        return () -> cancelled[0] = true;
    }

    /** Moves the clock to {@code instant}, running each task due by then at its own instant. */
    void advanceTo(Instant instant) {
        while (true) {
            Task next;
            synchronized (this) {
                next = tasks.peek();
                if (next == null || next.when().isAfter(instant)) {
                    break;
                }
                tasks.poll();
            }
            if (next.when().isAfter(clock.instant())) {
                clock.set(next.when());
            }
            if (!next.cancelled()[0]) {
                next.task().run();
            }
        }
        clock.set(instant);
    }

    /** The instants of the tasks still to run, in order. */
    synchronized List<Instant> pending() {
        List<Instant> due = new ArrayList<>();
        tasks.stream()
                .filter(task -> !task.cancelled()[0])
                .sorted(tasks.comparator())
                .forEach(task -> due.add(task.when()));
        return due;
    }

    @Override
    public synchronized void close() {
        tasks.forEach(task -> task.cancelled()[0] = true);
    }
}
