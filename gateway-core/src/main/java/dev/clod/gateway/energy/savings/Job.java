package dev.clod.gateway.energy.savings;

import java.time.Duration;
import java.time.Instant;

/**
 * Work submitted to the gateway at one instant: either interactive traffic that must run at once, or
 * a batch job that may wait for a cheaper time as long as it finishes by its deadline. The tokens are
 * processed evenly over the run.
 */
public sealed interface Job permits InteractiveSlot, BatchJob {

    /** What the job is, for reports: the batch job's name or {@code interactive}. */
    String name();

    /** When the work arrives; no run starts before it. */
    Instant submitted();

    /** How long the work takes once started. */
    Duration runLength();

    /** The tokens the run processes. */
    TokenVolume tokens();
}
