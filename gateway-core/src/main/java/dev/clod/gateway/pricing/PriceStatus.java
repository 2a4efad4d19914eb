package dev.clod.gateway.pricing;

/** How fresh the electricity price a site is priced at is. */
public enum PriceStatus {
    /** A published interval covers the instant. */
    LIVE,
    /** The feed has nothing newer; its last price is still used until it is older than the maximum age. */
    STALE,
    /** No usable price: the configured fallback applies, so the site stays usable but is priced high. */
    FALLBACK;

    /** The lower-case name used in JSON. */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
