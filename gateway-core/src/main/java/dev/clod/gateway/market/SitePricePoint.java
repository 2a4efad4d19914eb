package dev.clod.gateway.market;

import dev.clod.gateway.pricing.PriceStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One change of a site's electricity price: from {@code at} on, the site was priced at {@code
 * usdPerMwh}, found as {@code status} says.
 */
public record SitePricePoint(String siteId, Instant at, BigDecimal usdPerMwh, PriceStatus status) {

    public SitePricePoint {
        Objects.requireNonNull(siteId, "siteId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(usdPerMwh, "usdPerMwh");
        Objects.requireNonNull(status, "status");
    }
}
