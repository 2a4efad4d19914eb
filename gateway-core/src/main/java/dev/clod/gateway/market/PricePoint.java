package dev.clod.gateway.market;

import dev.clod.gateway.catalog.ListPrice;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * A model's price from {@code at} on, at one site (or at the cheapest site, which {@code siteId}
 * names).
 *
 * @param usdPerMwh the site's electricity price behind it; null for a model not priced by energy
 * @param price what a caller pays per million tokens, fees included
 */
public record PricePoint(Instant at, String siteId, BigDecimal usdPerMwh, ListPrice price) {

    public PricePoint {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(price, "price");
    }
}
