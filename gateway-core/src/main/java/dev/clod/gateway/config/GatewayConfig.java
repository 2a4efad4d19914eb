package dev.clod.gateway.config;

import dev.clod.gateway.catalog.Catalog;
import dev.clod.gateway.routing.Strategy;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The whole validated configuration. Every deployment in the catalog names a provider in {@link
 * #providers()}.
 *
 * @param adminKey the fixed admin key, or null when none is configured (the server generates one)
 * @param defaultStrategy used when neither the request nor its key names a strategy
 * @param apiKeys static bearer keys, in configuration order
 * @param providers upstream APIs, in configuration order
 */
public record GatewayConfig(
        ServerSettings server,
        String adminKey,
        Strategy defaultStrategy,
        List<ApiKeyConfig> apiKeys,
        List<ProviderConfig> providers,
        Catalog catalog) {

    public GatewayConfig {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(defaultStrategy, "defaultStrategy");
        apiKeys = List.copyOf(apiKeys);
        providers = List.copyOf(providers);
        Objects.requireNonNull(catalog, "catalog");
    }

    /** The provider with this id, or empty. */
    public Optional<ProviderConfig> provider(String id) {
        return providers.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    @Override
    public String toString() {
        return "GatewayConfig[server=" + server + ", adminKey=" + (adminKey == null ? "none" : "***")
                + ", defaultStrategy=" + defaultStrategy + ", apiKeys=" + apiKeys + ", providers=" + providers
                + ", catalog=" + catalog + "]";
    }
}
