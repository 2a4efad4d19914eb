package dev.clod.gateway.catalog;

import java.util.Objects;

/**
 * One way to serve a model: a provider, the name the provider knows the model by, where it runs and
 * what it costs.
 *
 * @param id {@code model/provider}, unique in the catalog, used in headers, logs and statistics
 * @param site the data center, or null for a third party's cloud
 * @param pricing the upstream's price per million tokens before the routing fee, or how the site's
 *     electricity price sets it
 */
public record Deployment(
        String id, String modelId, String providerId, String upstreamModel, String site, DeploymentPricing pricing) {

    public Deployment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(modelId, "modelId");
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(upstreamModel, "upstreamModel");
        Objects.requireNonNull(pricing, "pricing");
    }

    /** A deployment at a fixed list price. */
    public Deployment(
            String id, String modelId, String providerId, String upstreamModel, String site, ListPrice price) {
        this(id, modelId, providerId, upstreamModel, site, new DeploymentPricing.Listed(price));
    }

    /** The fixed list price, or null for a deployment priced by its site's energy. */
    public ListPrice listedPrice() {
        return pricing instanceof DeploymentPricing.Listed listed ? listed.price() : null;
    }

    /** Whether the price follows the site's electricity price. */
    public boolean energyPriced() {
        return pricing instanceof DeploymentPricing.EnergyBased;
    }
}
