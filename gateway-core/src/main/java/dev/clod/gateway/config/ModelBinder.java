package dev.clod.gateway.config;

import dev.clod.gateway.catalog.Capability;
import dev.clod.gateway.catalog.Catalog;
import dev.clod.gateway.catalog.Category;
import dev.clod.gateway.catalog.Deployment;
import dev.clod.gateway.catalog.DeploymentPricing;
import dev.clod.gateway.catalog.ListPrice;
import dev.clod.gateway.catalog.Model;
import dev.clod.gateway.catalog.Site;
import dev.clod.gateway.energy.EnergyProfile;
import dev.clod.gateway.energy.FixedCost;
import dev.clod.gateway.energy.SitePricing;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Binds the {@code models} list and checks each deployment against the declared providers. */
final class ModelBinder {

    static final List<String> KEYS = List.of(
            "id", "name", "aliases", "category", "context_window", "max_output_tokens", "capabilities", "deployments");
    static final List<String> DEPLOYMENT_KEYS =
            List.of("provider", "upstream_model", "price_per_1m", "energy", "fixed_per_1m", "margin");
    static final List<String> PRICE_KEYS = List.of("input", "output");
    static final List<String> ENERGY_KEYS = List.of("kwh_per_1m_input", "kwh_per_1m_output");

    static final int DEFAULT_MAX_OUTPUT_TOKENS = 4096;

    private static final List<String> CATEGORIES = names(Category.values());
    private static final List<String> CAPABILITIES = names(Capability.values());

    private final Binding binding;
    private final ProviderBinder.Bound providers;
    private final Map<String, Site> sites;
    /** Lookup key of every id, name and alias seen so far, with the model it names. */
    private final Map<String, Owner> namesInUse = new HashMap<>();
    /** Path of the first model with each id. */
    private final Map<String, String> idPaths = new HashMap<>();

    /** @param modelPath tells two entries with the same id apart */
    private record Owner(String modelPath, String modelId) {}

    ModelBinder(Binding binding, ProviderBinder.Bound providers, Map<String, Site> sites) {
        this.binding = binding;
        this.providers = providers;
        this.sites = sites;
    }

    List<Model> bind(List<Section.Item> items) {
        List<Model> models = new ArrayList<>();
        for (Section.Item item : items) {
            Section section = Section.open(binding, item.path(), item.node(), KEYS);
            if (section == null) {
                continue;
            }
            int before = binding.problems().size();
            Model model = model(section);
            if (binding.problems().size() == before) {
                models.add(model);
            }
        }
        return models;
    }

    private Model model(Section section) {
        String id = section.requiredText("id");
        if (id != null && !ProviderBinder.ID.matcher(id).matches()) {
            binding.problem(section.path("id"), "\"" + id + "\" must match " + ProviderBinder.ID.pattern());
            id = null;
        }
        if (id != null) {
            String first = idPaths.putIfAbsent(id, section.path());
            if (first != null) {
                binding.problem(section.path("id"), "duplicate id \"" + id + "\" (also " + first + ")");
                id = null;
            }
        }
        String modelId = id == null ? "?" : id;
        Owner owner = new Owner(section.path(), modelId);
        if (id != null) {
            claim(section.path("id"), id, owner, "id");
        }
        String name = section.text("name");
        if (name == null) {
            name = modelId;
        } else {
            name = name.strip();
            if (checkName(section.path("name"), name)) {
                claim(section.path("name"), name, owner, "name");
            }
        }
        List<String> aliases = new ArrayList<>();
        for (Section.Item alias : section.list("aliases")) {
            String text = binding.requiredText(alias.path(), alias.node());
            if (text != null && checkName(alias.path(), text.strip())) {
                claim(alias.path(), text.strip(), owner, "alias");
                aliases.add(text.strip());
            }
        }

        Category category = category(section);
        Long contextWindow = section.has("context_window")
                ? section.whole("context_window", 1, Integer.MAX_VALUE)
                : missing(section, "context_window");
        Long maxOutput = section.whole("max_output_tokens", 1, Integer.MAX_VALUE);
        int maxOutputTokens = maxOutput == null ? DEFAULT_MAX_OUTPUT_TOKENS : maxOutput.intValue();
        if (contextWindow != null && maxOutput != null && maxOutput > contextWindow) {
            binding.problem(
                    section.path("max_output_tokens"),
                    "must not exceed context_window (" + contextWindow + "), got " + maxOutput);
        }

        Set<Capability> capabilities = EnumSet.noneOf(Capability.class);
        for (Section.Item item : section.list("capabilities")) {
            String capability = binding.oneOf(item.path(), item.node(), "capability", CAPABILITIES);
            if (capability != null) {
                capabilities.add(Capability.valueOf(capability.toUpperCase(Locale.ROOT)));
            } else if (item.node() == null) {
                binding.problem(item.path(), "must not be empty");
            }
        }

        List<Deployment> deployments = deployments(section, modelId, category);
        if (id == null || category == null || contextWindow == null) {
            return null;
        }
        return new Model(
                id,
                name,
                aliases,
                category,
                contextWindow.intValue(),
                // A default larger than a small context window would fail the Model's own check.
                Math.min(maxOutputTokens, contextWindow.intValue()),
                capabilities,
                deployments);
    }

    private Category category(Section section) {
        if (section.requiredText("category") == null) {
            return null;
        }
        String name = section.oneOf("category", "category", CATEGORIES);
        return name == null ? null : Category.valueOf(name.toUpperCase(Locale.ROOT));
    }

    private List<Deployment> deployments(Section model, String modelId, Category category) {
        List<Deployment> deployments = new ArrayList<>();
        Set<String> providersUsed = new LinkedHashSet<>();
        for (Section.Item item : model.requiredList("deployments")) {
            Section section = Section.open(binding, item.path(), item.node(), DEPLOYMENT_KEYS);
            if (section == null) {
                continue;
            }
            String providerId = section.requiredText("provider");
            ProviderConfig provider = null;
            if (providerId != null) {
                if (!providers.declared().containsKey(providerId)) {
                    binding.problem(
                            section.path("provider"),
                            "unknown provider \"" + providerId + "\" (declared: "
                                    + (providers.declared().isEmpty()
                                            ? "none"
                                            : String.join(
                                                    ", ", providers.declared().keySet()))
                                    + ")");
                } else if (!providersUsed.add(providerId)) {
                    binding.problem(
                            section.path("provider"),
                            "model " + modelId + " already has a deployment on provider " + providerId);
                } else {
                    provider = providers.providers().get(providerId);
                }
            }
            String upstream = section.text("upstream_model");
            DeploymentPricing pricing =
                    section.has("energy") ? energyPricing(section, category, provider) : listed(section, category);
            if (provider != null && pricing != null) {
                deployments.add(new Deployment(
                        modelId + "/" + providerId,
                        modelId,
                        providerId,
                        upstream == null ? modelId : upstream.strip(),
                        provider.site(),
                        pricing));
            }
        }
        return deployments;
    }

    private DeploymentPricing listed(Section deployment, Category category) {
        for (String key : List.of("fixed_per_1m", "margin")) {
            if (deployment.has(key)) {
                binding.problem(
                        deployment.path(key), "only a deployment priced by its site's energy (energy:) takes " + key);
            }
        }
        ListPrice price = price(deployment, category);
        return price == null ? null : new DeploymentPricing.Listed(price);
    }

    /**
     * A hosted (or free) deployment priced from its site's electricity: {@code energy} in kWh per
     * million tokens, optional {@code fixed_per_1m} and {@code margin}.
     */
    private DeploymentPricing energyPricing(Section deployment, Category category, ProviderConfig provider) {
        if (category == Category.PROXIED) {
            binding.problem(
                    deployment.path("energy"),
                    "a proxied model is priced by its provider's list (price_per_1m), not by energy");
            return null;
        }
        if (deployment.has("price_per_1m")) {
            binding.problem(deployment.path("price_per_1m"), "give either price_per_1m or energy, not both");
            return null;
        }
        Section energy = deployment.section("energy", ENERGY_KEYS);
        BigDecimal kwhInput = energy == null ? null : energy.requiredDecimal("kwh_per_1m_input", true);
        BigDecimal kwhOutput = energy == null ? null : energy.requiredDecimal("kwh_per_1m_output", true);
        FixedCost fixed = FixedCost.NONE;
        Section fixedSection = deployment.section("fixed_per_1m", PRICE_KEYS);
        if (fixedSection != null) {
            BigDecimal input = fixedSection.requiredDecimal("input", true);
            BigDecimal output = fixedSection.requiredDecimal("output", true);
            fixed = input == null || output == null ? null : new FixedCost(input, output);
        }
        BigDecimal margin = deployment.decimal("margin", true);
        Site site = null;
        if (provider != null) {
            if (provider.site() == null) {
                binding.problem(
                        deployment.path("energy"),
                        "provider " + provider.id()
                                + " has no site: an energy-priced deployment runs at a site (providers[].site)");
            } else {
                site = sites.get(provider.site());
                if (site == null) {
                    binding.problem(
                            deployment.path("provider"),
                            "provider " + provider.id() + " is at site \"" + provider.site()
                                    + "\", which is not declared under sites (declared: "
                                    + (sites.isEmpty() ? "none" : String.join(", ", sites.keySet())) + ")");
                }
            }
        }
        if (kwhInput == null || kwhOutput == null || fixed == null || site == null) {
            return null;
        }
        return new DeploymentPricing.EnergyBased(
                site,
                new SitePricing(
                        new EnergyProfile(kwhInput, kwhOutput), fixed, margin == null ? BigDecimal.ZERO : margin));
    }

    private ListPrice price(Section deployment, Category category) {
        boolean free = category == Category.FREE;
        if (!deployment.has("price_per_1m") && !free) {
            if (category != null) {
                binding.problem(
                        deployment.path("price_per_1m"),
                        "required key is missing (only a free model may omit its price; a hosted one may give energy instead)");
            }
            return null;
        }
        Section section = deployment.section("price_per_1m", PRICE_KEYS);
        if (section == null) {
            return free ? ListPrice.FREE : null;
        }
        BigDecimal input = section.requiredDecimal("input", true);
        BigDecimal output = section.requiredDecimal("output", true);
        if (input == null || output == null) {
            return null;
        }
        if (free && (input.signum() != 0 || output.signum() != 0)) {
            binding.problem(section.path(), "a free model's price must be zero or absent");
            return null;
        }
        return free ? ListPrice.FREE : new ListPrice(input, output);
    }

    /** Names and aliases appear in model strings, where these characters separate strategy tags. */
    private boolean checkName(String path, String name) {
        if (name.indexOf('@') >= 0 || name.indexOf(':') >= 0) {
            binding.problem(path, "\"" + name + "\" must not contain '@' or ':' (they separate strategy tags)");
            return false;
        }
        return true;
    }

    /** Reserves a lookup key for a model; the same key naming two models is an error. */
    private void claim(String path, String name, Owner owner, String what) {
        Owner previous = namesInUse.putIfAbsent(Catalog.normalize(name), owner);
        if (previous != null && !previous.modelPath().equals(owner.modelPath())) {
            binding.problem(path, what + " \"" + name + "\" already names model " + previous.modelId());
        }
    }

    private Long missing(Section section, String key) {
        binding.problem(section.path(key), "required key is missing");
        return null;
    }

    private static List<String> names(Enum<?>[] values) {
        List<String> names = new ArrayList<>(values.length);
        for (Enum<?> value : values) {
            names.add(value.name().toLowerCase(Locale.ROOT));
        }
        return List.copyOf(names);
    }
}
