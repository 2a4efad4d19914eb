package dev.clod.gateway.config;

import dev.clod.gateway.catalog.Catalog;
import dev.clod.gateway.catalog.Site;
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
 * @param store the database and how usage is recorded
 * @param sites the data centers hosted deployments run at, in configuration order
 * @param energy where the sites' electricity prices come from
 */
public record GatewayConfig(
        ServerSettings server,
        String adminKey,
        Strategy defaultStrategy,
        List<ApiKeyConfig> apiKeys,
        List<ProviderConfig> providers,
        Catalog catalog,
        StoreSettings store,
        List<Site> sites,
        EnergySettings energy) {

    public GatewayConfig {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(defaultStrategy, "defaultStrategy");
        apiKeys = List.copyOf(apiKeys);
        providers = List.copyOf(providers);
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(store, "store");
        sites = List.copyOf(sites);
        Objects.requireNonNull(energy, "energy");
    }

    /** A configuration without sites or energy feeds: every price is fixed. */
    public GatewayConfig(
            ServerSettings server,
            String adminKey,
            Strategy defaultStrategy,
            List<ApiKeyConfig> apiKeys,
            List<ProviderConfig> providers,
            Catalog catalog,
            StoreSettings store) {
        this(server, adminKey, defaultStrategy, apiKeys, providers, catalog, store, List.of(), EnergySettings.NONE);
    }

    /** The same configuration served on other settings, e.g. a free port in tests. */
    public GatewayConfig withServer(ServerSettings newServer) {
        return new GatewayConfig(
                newServer, adminKey, defaultStrategy, apiKeys, providers, catalog, store, sites, energy);
    }

    public GatewayConfig withAdminKey(String newAdminKey) {
        return new GatewayConfig(
                server, newAdminKey, defaultStrategy, apiKeys, providers, catalog, store, sites, energy);
    }

    public GatewayConfig withStore(StoreSettings newStore) {
        return new GatewayConfig(
                server, adminKey, defaultStrategy, apiKeys, providers, catalog, newStore, sites, energy);
    }

    /** The provider with this id, or empty. */
    public Optional<ProviderConfig> provider(String id) {
        return providers.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    @Override
    public String toString() {
        return "GatewayConfig[server=" + server + ", adminKey=" + (adminKey == null ? "none" : "***")
                + ", defaultStrategy=" + defaultStrategy + ", apiKeys=" + apiKeys + ", providers=" + providers
                + ", catalog=" + catalog + ", sites=" + sites + ", energy=" + energy + ", store="
                + store.databaseUrl().replaceAll("password=[^&;]*", "password=***")
                + "]";
    }
}
