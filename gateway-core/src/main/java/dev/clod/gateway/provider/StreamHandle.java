package dev.clod.gateway.provider;

/** A running stream. Cancelling it stops the upstream call; no listener call follows. */
@FunctionalInterface
public interface StreamHandle {

    void cancel();
}
