package dev.clod.camel.energy;

import java.time.Clock;
import java.time.Instant;

/**
 * Runs tasks at instants of the energy clock. {@link CheapEnergyRoutePolicy} plans with one; tests give
 * it a timer they advance by hand, so that its decisions can be checked without waiting.
 */
public interface EnergyTimer extends AutoCloseable {

    /** The clock the instants are read on. */
    Clock clock();

    /**
     * Runs {@code task} once the clock reads {@code when} or later: soon, if it already does. Tasks due at
     * the same instant run in the order they were scheduled.
     */
    Scheduled at(Instant when, Runnable task);

    /** Cancels every task not yet run. */
    @Override
    void close();

    /** A task not yet run. */
    interface Scheduled {

        /** Makes sure the task does not start; one already running finishes. */
        void cancel();
    }
}
