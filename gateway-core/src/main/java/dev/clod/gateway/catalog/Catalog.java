package dev.clod.gateway.catalog;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The immutable set of models a gateway serves, looked up by id, display name or alias.
 *
 * <p>Lookup ignores case, leading and trailing whitespace, and folds inner runs of whitespace to one
 * space, so {@code "Llama 3.1 8B"}, {@code " llama  3.1 8b "} and {@code "LLAMA-3.1-8B"} (the id) all
 * find the same model. Every key is precomputed when the catalog is built: a lookup is one hash probe
 * and allocates nothing when the caller already sends a normalised key, as most clients do.
 */
public final class Catalog {

    private final List<Model> models;
    private final Map<String, Model> byKey;
    private final Map<String, Deployment> deployments;
    private final String knownModelIds;

    private Catalog(List<Model> models, Map<String, Model> byKey, Map<String, Deployment> deployments) {
        this.models = models;
        this.byKey = byKey;
        this.deployments = deployments;
        this.knownModelIds = models.stream().map(Model::id).collect(Collectors.joining(", "));
    }

    /**
     * Builds a catalog, keeping the models in the given order.
     *
     * @throws IllegalArgumentException when an id, name or alias would name two different models, a
     *     deployment id repeats, or a deployment belongs to another model than the one listing it
     */
    public static Catalog of(List<Model> models) {
        List<Model> ordered = List.copyOf(models);
        Map<String, Model> byKey = new HashMap<>();
        Map<String, Deployment> deployments = new HashMap<>();
        for (Model model : ordered) {
            addKey(byKey, model.id(), model);
            addKey(byKey, model.name(), model);
            for (String alias : model.aliases()) {
                addKey(byKey, alias, model);
            }
            for (Deployment deployment : model.deployments()) {
                if (!deployment.modelId().equals(model.id())) {
                    throw new IllegalArgumentException("deployment " + deployment.id() + " belongs to model "
                            + deployment.modelId() + " but is listed under model " + model.id());
                }
                Deployment previous = deployments.putIfAbsent(deployment.id(), deployment);
                if (previous != null) {
                    throw new IllegalArgumentException("deployment id " + deployment.id() + " appears twice");
                }
            }
        }
        return new Catalog(ordered, Map.copyOf(byKey), Map.copyOf(deployments));
    }

    private static void addKey(Map<String, Model> byKey, String name, Model model) {
        String key = normalize(name);
        if (key.isEmpty()) {
            throw new IllegalArgumentException("model " + model.id() + " has a blank name or alias");
        }
        Model previous = byKey.putIfAbsent(key, model);
        if (previous != null && previous != model) {
            throw new IllegalArgumentException(
                    "\"" + name.strip() + "\" would name both model " + previous.id() + " and model " + model.id());
        }
    }

    /**
     * The lookup key for a model name: whitespace (including no-break spaces) trimmed, inner runs of
     * it folded to one space, letters lower-cased. Two names with the same key name the same model.
     */
    public static String normalize(String name) {
        int start = 0;
        int end = name.length();
        while (start < end && isSpace(name.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(name.charAt(end - 1))) {
            end--;
        }
        StringBuilder key = new StringBuilder(end - start);
        boolean previousSpace = false;
        for (int i = start; i < end; i++) {
            char c = name.charAt(i);
            boolean space = isSpace(c);
            if (!space) {
                key.append(Character.toLowerCase(c));
            } else if (!previousSpace) {
                key.append(' ');
            }
            previousSpace = space;
        }
        return key.toString();
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /** The model an id, display name or alias names, or empty if none does. */
    public Optional<Model> find(String nameOrAlias) {
        if (nameOrAlias == null) {
            return Optional.empty();
        }
        // Keys are stored normalised, so a string equal to a key is already its own normal form.
        Model model = byKey.get(nameOrAlias);
        if (model == null) {
            model = byKey.get(normalize(nameOrAlias));
        }
        return Optional.ofNullable(model);
    }

    /** Every model, in configuration order. */
    public List<Model> models() {
        return models;
    }

    /** The deployment with this exact id ({@code model/provider}), or empty. */
    public Optional<Deployment> deployment(String deploymentId) {
        return deploymentId == null ? Optional.empty() : Optional.ofNullable(deployments.get(deploymentId));
    }

    /** The model ids, comma separated in configuration order, for error messages. */
    public String knownModelIds() {
        return knownModelIds;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Catalog catalog && models.equals(catalog.models);
    }

    @Override
    public int hashCode() {
        return Objects.hash(models);
    }

    @Override
    public String toString() {
        return "Catalog[" + knownModelIds + "]";
    }
}
