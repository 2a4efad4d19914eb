package dev.clod.gateway.api;

/**
 * Why an upstream call failed, in the terms that decide what happens next: try another deployment,
 * cool this one down, or give the caller the error as it is.
 */
public enum FailureClass {
    /** The upstream said 429: another deployment may have room. */
    RATE_LIMITED(true),
    /** A 5xx, a refused or broken connection, a malformed answer: likely passing. */
    TRANSIENT(true),
    /** No answer in time. */
    TIMEOUT(true),
    /** The upstream rejected our credentials (401/403): an operator must fix the configuration. */
    CREDENTIAL(true),
    /** The upstream does not know the model (404): the catalog is out of date for this deployment. */
    MODEL_GONE(true),
    /** The upstream rejected the request itself (400, 413, 422): another deployment would too. */
    CALLER_FAULT(false);

    private final boolean retryElsewhere;

    FailureClass(boolean retryElsewhere) {
        this.retryElsewhere = retryElsewhere;
    }

    /** Whether the next candidate deployment should be tried. */
    public boolean retryElsewhere() {
        return retryElsewhere;
    }

    /** Classifies an upstream HTTP status (anything not 2xx). */
    public static FailureClass ofStatus(int status) {
        if (status == 429) {
            return RATE_LIMITED;
        }
        if (status == 401 || status == 403) {
            return CREDENTIAL;
        }
        if (status == 404) {
            return MODEL_GONE;
        }
        if (status == 408 || status == 504) {
            return TIMEOUT;
        }
        if (status >= 400 && status < 500) {
            return CALLER_FAULT;
        }
        return TRANSIENT;
    }
}
