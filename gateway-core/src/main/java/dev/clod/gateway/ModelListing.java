package dev.clod.gateway;

import dev.clod.gateway.catalog.Model;
import dev.clod.gateway.pricing.PriceQuote;

/**
 * A model as listed to callers: whether it can be used now, who serves it, and its current price —
 * the cheapest of its available deployments.
 *
 * @param price the cheapest available deployment's price, or null when none is available
 * @param ownedBy {@code simulated} when only simulated providers serve it, the provider's id when one
 *     provider does, else {@code clod}
 */
public record ModelListing(
        Model model, boolean available, String unavailableReason, PriceQuote price, String ownedBy) {}
