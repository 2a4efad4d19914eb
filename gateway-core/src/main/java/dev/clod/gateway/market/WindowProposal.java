package dev.clod.gateway.market;

import dev.clod.gateway.catalog.ListPrice;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * A proposed time and place to run work that can wait.
 *
 * @param expectedUsdPerMwh the time-weighted electricity price expected over the window at the site
 * @param expectedPrice what a million tokens are expected to cost there, then
 * @param basis where the expectation comes from: {@code day_ahead} (the market's published prices),
 *     {@code forecast} (the seasonal forecast from the past), or {@code mixed}
 */
public record WindowProposal(
        Instant start,
        Instant end,
        String siteId,
        String deploymentId,
        BigDecimal expectedUsdPerMwh,
        ListPrice expectedPrice,
        String basis) {

    public WindowProposal {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(siteId, "siteId");
        Objects.requireNonNull(expectedUsdPerMwh, "expectedUsdPerMwh");
        Objects.requireNonNull(expectedPrice, "expectedPrice");
        Objects.requireNonNull(basis, "basis");
    }
}
