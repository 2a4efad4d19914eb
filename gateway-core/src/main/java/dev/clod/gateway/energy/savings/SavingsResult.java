package dev.clod.gateway.energy.savings;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The cost of one workload under each policy, over one period.
 *
 * @param from the first instant jobs were submitted at (inclusive)
 * @param to the end of the period (exclusive)
 * @param outcomes one per policy, in the order given, the first being the baseline
 * @param pricedJobs how many jobs every policy was charged for
 * @param skipped the jobs left out of every policy because one of them ran the job where or when the
 *     real-time prices have a gap, so its cost is not known
 */
public record SavingsResult(Instant from, Instant to, List<PolicyOutcome> outcomes, int pricedJobs, List<Job> skipped) {

    public SavingsResult {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        outcomes = List.copyOf(outcomes);
        skipped = List.copyOf(skipped);
        if (outcomes.isEmpty()) {
            throw new IllegalArgumentException("a result compares at least one policy");
        }
    }

    /** The outcome the others are compared with: the first policy's. */
    public PolicyOutcome baseline() {
        return outcomes.get(0);
    }
}
