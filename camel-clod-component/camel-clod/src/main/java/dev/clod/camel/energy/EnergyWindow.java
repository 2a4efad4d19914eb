package dev.clod.camel.energy;

import dev.clod.gateway.catalog.ListPrice;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * A proposed time and place to run work that can wait, from the gateway's expected prices.
 *
 * @param expectedUsdPerMwh the time-weighted electricity price expected over the window at the site
 * @param expectedPricePer1m what a million input and output tokens are expected to cost there then
 * @param basis where the expectation comes from: {@code day_ahead} (the market's published prices),
 *     {@code forecast} (a forecast from past prices) or {@code mixed}
 */
public record EnergyWindow(
        Instant start,
        Instant end,
        String site,
        String deployment,
        BigDecimal expectedUsdPerMwh,
        ListPrice expectedPricePer1m,
        String basis) {

    public EnergyWindow {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(site, "site");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("a window ends after it starts: " + start + " to " + end);
        }
    }
}
