package dev.clod.gateway.usage;

/** What a usage summary groups requests by. */
public enum GroupBy {
    /** The resolved model id. */
    MODEL,
    /** The UTC calendar day, {@code YYYY-MM-DD}. */
    DAY,
    /**
     * The UTC hour, {@code YYYY-MM-DDTHH:00:00Z}. Days already rolled up into daily sums keep no hours:
     * such a day's rolled-up requests are one row keyed by its date, {@code YYYY-MM-DD}, which sorts
     * before the day's hours.
     */
    HOUR,
    /** The project id. */
    PROJECT,
    /** The API key id. */
    KEY
}
