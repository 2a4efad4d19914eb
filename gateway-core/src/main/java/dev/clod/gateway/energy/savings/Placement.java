package dev.clod.gateway.energy.savings;

import java.time.Instant;
import java.util.Objects;

/**
 * Where and when a policy ran a job.
 *
 * @param job the job
 * @param site the site it ran at
 * @param start when the run started; the run lasts the job's run length
 */
public record Placement(Job job, Site site, Instant start) {

    public Placement {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(start, "start");
        if (start.isBefore(job.submitted())) {
            throw new IllegalArgumentException("a run cannot start before its job is submitted: " + start);
        }
    }

    /** When the run ends. */
    public Instant end() {
        return start.plus(job.runLength());
    }
}
