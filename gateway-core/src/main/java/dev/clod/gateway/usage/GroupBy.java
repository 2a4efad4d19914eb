package dev.clod.gateway.usage;

/** What a usage summary groups requests by. */
public enum GroupBy {
    /** The resolved model id. */
    MODEL,
    /** The UTC calendar day, {@code YYYY-MM-DD}. */
    DAY,
    /** The project id. */
    PROJECT,
    /** The API key id. */
    KEY
}
