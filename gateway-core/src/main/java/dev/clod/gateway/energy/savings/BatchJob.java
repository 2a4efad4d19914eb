package dev.clod.gateway.energy.savings;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A job that may run at any time between its submission and its deadline.
 *
 * @param name what the job is, such as {@code nightly-etl}
 * @param submitted the earliest instant the run may start
 * @param runLength how long the run takes
 * @param deadline the latest instant the run may end; leaves room for at least one run
 * @param tokens the tokens the run processes
 */
public record BatchJob(String name, Instant submitted, Duration runLength, Instant deadline, TokenVolume tokens)
        implements Job {

    public BatchJob {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(submitted, "submitted");
        Objects.requireNonNull(runLength, "runLength");
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(tokens, "tokens");
        if (runLength.isNegative() || runLength.isZero()) {
            throw new IllegalArgumentException("a run has a positive length: " + runLength);
        }
        if (submitted.plus(runLength).isAfter(deadline)) {
            throw new IllegalArgumentException("job " + name + " submitted at " + submitted + " cannot run for "
                    + runLength + " before its deadline " + deadline);
        }
    }
}
