package dev.clod.gateway.config;

import dev.clod.gateway.catalog.Catalog;
import dev.clod.gateway.catalog.Model;
import dev.clod.gateway.catalog.Site;
import dev.clod.gateway.routing.Objective;
import dev.clod.gateway.routing.Strategy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Binds a parsed YAML tree into a {@link GatewayConfig}, collecting every problem before failing. */
final class ConfigBinder {

    static final List<String> KEYS = List.of(
            "server",
            "database",
            "usage",
            "admin_key",
            "default_strategy",
            "api_keys",
            "sites",
            "energy",
            "providers",
            "models");
    static final List<String> SERVER_KEYS = List.of("host", "port", "max_body_bytes");
    static final List<String> DATABASE_KEYS = List.of("url");
    static final List<String> USAGE_KEYS = List.of("durability", "max_delay_ms", "retention_days");
    static final List<String> API_KEY_KEYS = List.of("name", "key", "default_strategy");

    private final Binding binding;
    private final Map<String, String> env;
    private final Path baseDirectory;

    private ConfigBinder(Map<String, String> env, Path baseDirectory) {
        this.binding = new Binding(new Problems(), new EnvSubstitution(env));
        this.env = env;
        this.baseDirectory = baseDirectory;
    }

    /**
     * @param baseDirectory what relative file paths in the configuration are relative to; null for the
     *     working directory
     * @throws ConfigException listing every problem found, each with its path
     */
    static GatewayConfig bind(Object tree, String source, Map<String, String> env, Path baseDirectory) {
        return new ConfigBinder(env, baseDirectory).bind(tree, source);
    }

    private GatewayConfig bind(Object tree, String source) {
        Section root = Section.open(binding, "", tree, KEYS);
        if (root == null) {
            binding.problems().throwIfAny(source);
        }
        ServerSettings server = server(root.section("server", SERVER_KEYS));
        StoreSettings store = store(root.section("database", DATABASE_KEYS), root.section("usage", USAGE_KEYS));
        String adminKey = root.text("admin_key");
        Strategy defaultStrategy = strategy(root.path("default_strategy"), root.node("default_strategy"));
        List<ApiKeyConfig> apiKeys = apiKeys(root.list("api_keys"));
        EnergyBinder energyBinder = new EnergyBinder(binding, baseDirectory);
        Map<String, Site> sites = energyBinder.sites(root.list("sites"));
        EnergySettings energy = energyBinder.energy(root.section("energy", EnergyBinder.ENERGY_KEYS), sites);
        ProviderBinder.Bound providers = new ProviderBinder(binding).bind(root.requiredList("providers"));
        List<Model> models = new ModelBinder(binding, providers, sites).bind(root.requiredList("models"));

        EnvOverrides overrides = new EnvOverrides(env, binding);
        server = overrides.server(server);
        adminKey = overrides.adminKey(adminKey);
        store = overrides.store(store);

        binding.problems().throwIfAny(source);
        Catalog catalog;
        try {
            catalog = Catalog.of(models);
        } catch (IllegalArgumentException e) {
            // The binder checks the same rules with paths; this is the catalog's own guard.
            throw new ConfigException(source, List.of("models: " + e.getMessage()), e);
        }
        return new GatewayConfig(
                server,
                adminKey,
                defaultStrategy == null ? Strategy.of(Objective.PRICE) : defaultStrategy,
                apiKeys,
                new ArrayList<>(providers.providers().values()),
                catalog,
                store,
                List.copyOf(sites.values()),
                energy);
    }

    private StoreSettings store(Section database, Section usage) {
        String url = database == null ? null : database.text("url");
        if (url != null && !url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:postgresql:")) {
            binding.problem(database.path("url"), "\"" + url + "\" is not a jdbc:h2: or jdbc:postgresql: URL");
        }
        boolean sync = true;
        Long maxDelayMs = null;
        Long retentionDays = null;
        if (usage != null) {
            String durability = usage.oneOf("durability", "durability", List.of("sync", "async"));
            sync = durability == null || durability.equals("sync");
            maxDelayMs = usage.whole("max_delay_ms", 1, 60_000);
            retentionDays = usage.whole("retention_days", 1, 100_000);
        }
        return new StoreSettings(
                url == null ? StoreSettings.defaultDatabaseUrl(EnvOverrides.dataDir(env)) : url,
                sync,
                maxDelayMs == null ? StoreSettings.DEFAULT_MAX_DELAY : Duration.ofMillis(maxDelayMs),
                retentionDays == null ? null : Duration.ofDays(retentionDays));
    }

    private ServerSettings server(Section section) {
        if (section == null) {
            return ServerSettings.defaults();
        }
        String host = section.text("host");
        Long port = section.whole("port", 0, 65_535);
        Long maxBodyBytes = section.whole("max_body_bytes", 1, Long.MAX_VALUE);
        return new ServerSettings(
                host == null ? ServerSettings.DEFAULT_HOST : host.strip(),
                port == null ? ServerSettings.DEFAULT_PORT : port.intValue(),
                maxBodyBytes == null ? ServerSettings.DEFAULT_MAX_BODY_BYTES : maxBodyBytes);
    }

    private List<ApiKeyConfig> apiKeys(List<Section.Item> items) {
        List<ApiKeyConfig> keys = new ArrayList<>();
        Map<String, String> names = new HashMap<>();
        Map<String, String> secrets = new HashMap<>();
        for (Section.Item item : items) {
            Section section = Section.open(binding, item.path(), item.node(), API_KEY_KEYS);
            if (section == null) {
                continue;
            }
            String name = section.requiredText("name");
            String key = section.requiredText("key");
            Strategy strategy = strategy(section.path("default_strategy"), section.node("default_strategy"));
            if (name != null && names.putIfAbsent(name, item.path()) != null) {
                binding.problem(section.path("name"), "duplicate name \"" + name + "\" (also " + names.get(name) + ")");
                name = null;
            }
            if (key != null && secrets.putIfAbsent(key, item.path()) != null) {
                // Never echo the secret itself.
                binding.problem(section.path("key"), "same key as " + secrets.get(key));
                key = null;
            }
            if (name != null && key != null) {
                keys.add(new ApiKeyConfig(name, key, strategy));
            }
        }
        return keys;
    }

    private Strategy strategy(String path, Object node) {
        String text = binding.text(path, node);
        if (text == null) {
            return null;
        }
        try {
            return StrategyText.parse(text);
        } catch (IllegalArgumentException e) {
            binding.problem(path, e.getMessage());
            return null;
        }
    }
}
