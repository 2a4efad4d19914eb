package dev.clod.gateway.catalog;

/** How a model is paid for. */
public enum Category {
    /** Costs the user nothing; still routed to its cheapest site. */
    FREE,
    /** Runs in our own data centers, priced from each site's electricity price. */
    HOSTED,
    /** A third party's model at its list price plus the routing fee. */
    PROXIED
}
