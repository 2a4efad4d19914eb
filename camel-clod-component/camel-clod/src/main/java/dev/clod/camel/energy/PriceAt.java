package dev.clod.camel.energy;

import dev.clod.gateway.catalog.ListPrice;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * A model's price from {@code at} until the next point of its series.
 *
 * @param site the site the price is at (for the cheapest series, the site that was cheapest then)
 * @param usdPerMwh the electricity price behind it; null for a model not priced by energy
 * @param pricePer1m what a caller pays per million input and output tokens, in US dollars
 */
public record PriceAt(Instant at, String site, BigDecimal usdPerMwh, ListPrice pricePer1m) {

    public PriceAt {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(pricePer1m, "pricePer1m");
    }
}
