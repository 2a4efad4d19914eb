package dev.clod.gateway.provider.conformance;

import dev.clod.gateway.api.FailureClass;
import java.time.Duration;

/**
 * One recorded error answer and what it must become.
 *
 * @param fixture the folder holding {@code body.json} (and {@code headers.txt} when the answer had
 *     headers that matter)
 * @param status the HTTP status the upstream answers with
 * @param failureClass the class routing must see
 * @param upstreamStatus the status the failure must report
 * @param message the message the failure must carry: the upstream's own
 * @param retryAfter the wait the upstream asked for, or null
 */
record ErrorCase(
        String fixture,
        int status,
        FailureClass failureClass,
        int upstreamStatus,
        String message,
        Duration retryAfter) {

    @Override
    public String toString() {
        return fixture + " -> " + failureClass;
    }
}
