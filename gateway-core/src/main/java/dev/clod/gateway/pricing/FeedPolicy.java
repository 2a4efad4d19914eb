package dev.clod.gateway.pricing;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;

/**
 * What to do when a site's feed has no current price.
 *
 * @param maxAge how long after its interval ends a site's last price is still used (as stale)
 * @param fallbackUsdPerMwh the price used once the last one is older than that, or when there never
 *     was one
 */
public record FeedPolicy(Duration maxAge, BigDecimal fallbackUsdPerMwh) {

    /** One hour: a feed's hourly price may be published late without the site falling back. */
    public static final Duration DEFAULT_MAX_AGE = Duration.ofHours(1);

    /**
     * A deliberately high price, above nearly every hour of the shipped summer data, so that a site
     * with no fresh price is chosen last by price yet still serves when it is the only one.
     */
    public static final BigDecimal DEFAULT_FALLBACK_USD_PER_MWH = new BigDecimal("200");

    public static final FeedPolicy DEFAULTS = new FeedPolicy(DEFAULT_MAX_AGE, DEFAULT_FALLBACK_USD_PER_MWH);

    public FeedPolicy {
        Objects.requireNonNull(maxAge, "maxAge");
        Objects.requireNonNull(fallbackUsdPerMwh, "fallbackUsdPerMwh");
        if (maxAge.isNegative()) {
            throw new IllegalArgumentException("maxAge is never negative: " + maxAge);
        }
    }
}
