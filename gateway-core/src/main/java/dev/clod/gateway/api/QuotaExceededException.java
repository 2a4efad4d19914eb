package dev.clod.gateway.api;

/**
 * The caller's project has spent its budget for this month (429, {@code insufficient_quota}, as
 * OpenAI answers an exhausted balance). Retrying before the month ends or the budget is raised won't
 * help.
 */
public final class QuotaExceededException extends ClodException {

    public QuotaExceededException(String message) {
        super(429, "insufficient_quota", "insufficient_quota", null, message, null);
    }
}
