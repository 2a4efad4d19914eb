package dev.clod.gateway.engine;

import dev.clod.gateway.api.FailureClass;

/**
 * What happens between a request and its answer that the usage record does not show: deployments
 * that failed on the way, and the fallbacks to the next one. Called on the thread that saw the event;
 * implementations must be quick and must not throw.
 */
public interface AttemptEvents {

    /** Ignores everything. */
    AttemptEvents NONE = new AttemptEvents() {
        @Override
        public void attemptFailed(String deploymentId, FailureClass failureClass) {}

        @Override
        public void fellBack(String fromDeploymentId, String toDeploymentId) {}
    };

    /** A call to a deployment failed; whether another is tried depends on the failure's class. */
    void attemptFailed(String deploymentId, FailureClass failureClass);

    /** A request moved on from a failed deployment to the next one. */
    void fellBack(String fromDeploymentId, String toDeploymentId);
}
