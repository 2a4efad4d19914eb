package dev.clod.gateway.energy.savings;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Everything the report prices: interactive traffic through the day and the batch jobs that recur
 * beside it. Every policy is charged for exactly these jobs.
 */
public record Workload(InteractiveTraffic interactive, List<BatchSchedule> batches) {

    public Workload {
        Objects.requireNonNull(interactive, "interactive");
        batches = List.copyOf(batches);
    }

    /** The jobs submitted in {@code [from, to)}, ordered by submission, interactive slots first. */
    public List<Job> jobs(Instant from, Instant to) {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("the period ends after it starts: " + from + " to " + to);
        }
        List<Job> jobs = new ArrayList<>(interactive.slots(from, to));
        for (BatchSchedule batch : batches) {
            jobs.addAll(batch.jobs(from, to));
        }
        // stable: at one instant, the slot (added first) before batch jobs in schedule order
        jobs.sort(Comparator.comparing(Job::submitted));
        return List.copyOf(jobs);
    }
}
