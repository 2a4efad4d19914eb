package dev.clod.gateway.api;

/**
 * The answer was ready but its usage could not be recorded, so it is withheld (503): the gateway never
 * hands out an answer it did not bill. Retrying is safe; the upstream's work is lost.
 */
public final class UsageNotRecordedException extends ClodException {

    public UsageNotRecordedException(String requestId, Throwable cause) {
        super(
                503,
                "server_error",
                "usage_not_recorded",
                null,
                "The answer to request " + requestId + " could not be recorded in the usage ledger and was withheld."
                        + " Please retry.",
                cause);
    }
}
