package dev.clod.gateway;

import dev.clod.gateway.catalog.Model;
import dev.clod.gateway.pricing.PriceQuote;
import java.time.Instant;

/**
 * A model as listed to callers: whether it can be used now, who serves it, and its current price —
 * the cheapest of its available deployments.
 *
 * @param price the cheapest available deployment's price, or null when none is available
 * @param ownedBy {@code simulated} when only simulated providers serve it, the provider's id when one
 *     provider does, else {@code clod}
 * @param cheapestSite the site of the deployment the price is from, or null for a third party's cloud
 * @param pricedAt the instant of the price (the energy clock's, which may replay the past)
 */
public record ModelListing(
        Model model,
        boolean available,
        String unavailableReason,
        PriceQuote price,
        String ownedBy,
        String cheapestSite,
        Instant pricedAt) {}
