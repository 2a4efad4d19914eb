package dev.clod.camel.energy;

import dev.clod.gateway.catalog.ListPrice;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * One model's price at one site now, with the electricity price behind it.
 *
 * @param status how fresh the site's electricity price is: {@code live}, {@code stale} or {@code fallback}
 * @param pricePer1m what a caller pays per million input and output tokens there, in US dollars
 */
public record ModelSitePrice(
        String site, String deployment, BigDecimal usdPerMwh, String status, ListPrice pricePer1m) {

    public ModelSitePrice {
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(usdPerMwh, "usdPerMwh");
        Objects.requireNonNull(pricePer1m, "pricePer1m");
    }
}
