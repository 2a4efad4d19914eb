package dev.clod.gateway.catalog;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A catalog entry: what callers ask for by id, display name or alias, and the deployments that can
 * serve it, in the order the configuration lists them (the order that breaks routing ties).
 */
public record Model(
        String id,
        String name,
        List<String> aliases,
        Category category,
        int contextWindow,
        int maxOutputTokens,
        Set<Capability> capabilities,
        List<Deployment> deployments) {

    public Model {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(category, "category");
        aliases = List.copyOf(aliases);
        capabilities = Set.copyOf(capabilities);
        deployments = List.copyOf(deployments);
        if (contextWindow <= 0 || maxOutputTokens <= 0) {
            throw new IllegalArgumentException("context_window and max_output_tokens are positive");
        }
    }

    public boolean has(Capability capability) {
        return capabilities.contains(capability);
    }
}
