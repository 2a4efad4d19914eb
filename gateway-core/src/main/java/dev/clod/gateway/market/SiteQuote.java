package dev.clod.gateway.market;

import dev.clod.gateway.catalog.ListPrice;
import dev.clod.gateway.energy.feed.FeedHealth;
import dev.clod.gateway.pricing.SitePrice;
import java.util.List;

/**
 * A site now: its electricity price, its feed's health, and the price of each model it serves.
 *
 * @param models the energy-priced deployments at the site, in catalog order
 */
public record SiteQuote(SitePrice price, FeedHealth feedHealth, List<ModelAtSite> models) {

    public SiteQuote {
        models = List.copyOf(models);
    }

    /** What a million tokens of a model cost a caller at this site now. */
    public record ModelAtSite(String modelId, String deploymentId, ListPrice price) {}
}
