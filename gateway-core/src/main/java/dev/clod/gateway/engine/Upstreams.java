package dev.clod.gateway.engine;

import dev.clod.gateway.api.ClodException;
import dev.clod.gateway.api.FailureClass;
import dev.clod.gateway.api.UpstreamException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Normalises what a provider fails with into the one exception routing understands. */
final class Upstreams {

    private Upstreams() {}

    static Throwable unwrap(Throwable error) {
        Throwable current = error;
        while ((current instanceof CompletionException || current instanceof ExecutionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    static boolean isCancellation(Throwable error) {
        return unwrap(error) instanceof CancellationException;
    }

    /**
     * The failure as an {@link UpstreamException}. Anything else a provider throws is a defect in the
     * adapter, not the caller's fault, so it counts as transient and the next deployment is tried.
     */
    static UpstreamException classify(Throwable error, String deploymentId) {
        Throwable cause = unwrap(error);
        if (cause instanceof UpstreamException upstream) {
            return upstream;
        }
        String detail = cause instanceof ClodException
                ? cause.getMessage()
                : cause.getClass().getSimpleName();
        return new UpstreamException(
                FailureClass.TRANSIENT, deploymentId, 0, "Deployment " + deploymentId + " failed: " + detail, cause);
    }
}
