package dev.clod.gateway.catalog;

import java.util.Objects;

/**
 * One way to serve a model: a provider, the name the provider knows the model by, where it runs and
 * what it costs.
 *
 * @param id {@code model/provider}, unique in the catalog, used in headers, logs and statistics
 * @param site the data center, or null for a third party's cloud
 * @param price the upstream's price per million tokens, before the routing fee
 */
public record Deployment(
        String id, String modelId, String providerId, String upstreamModel, String site, ListPrice price) {

    public Deployment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(modelId, "modelId");
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(upstreamModel, "upstreamModel");
        Objects.requireNonNull(price, "price");
    }
}
