package dev.clod.gateway.config;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML mapping being bound, with the set of keys it may hold. Keys outside that set are reported
 * when the section is opened, each with its full path and the valid keys; reading a key that was not
 * declared is a bug in the binder, not in the file.
 */
final class Section {

    /** One element of a list or one entry of a free-form mapping, with its path. */
    record Item(String path, String key, Object node) {}

    private final Binding binding;
    private final String path;
    private final Map<String, Object> entries;
    private final List<String> validKeys;

    private Section(Binding binding, String path, Map<String, Object> entries, List<String> validKeys) {
        this.binding = binding;
        this.path = path;
        this.entries = entries;
        this.validKeys = validKeys;
    }

    /**
     * Opens a mapping node, reporting unknown keys. Returns null (and records a problem) when the
     * node is not a mapping; a null node opens as an empty section.
     */
    static Section open(Binding binding, String path, Object node, List<String> validKeys) {
        if (node == null) {
            return new Section(binding, path, Map.of(), validKeys);
        }
        if (!(node instanceof Map<?, ?> map)) {
            binding.problem(path, "expected a mapping, got " + Binding.describe(node));
            return null;
        }
        Map<String, Object> entries = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!(entry.getKey() instanceof String key)) {
                binding.problem(path, "keys must be text, got " + Binding.describe(entry.getKey()));
                continue;
            }
            if (!validKeys.contains(key)) {
                binding.problem(join(path, key), unknownKey(key, validKeys));
                continue;
            }
            entries.put(key, entry.getValue());
        }
        return new Section(binding, path, entries, validKeys);
    }

    String path() {
        return path;
    }

    String path(String key) {
        return join(path, key);
    }

    /** True when the key is present with a non-null value. */
    boolean has(String key) {
        return node(key) != null;
    }

    Object node(String key) {
        if (!validKeys.contains(key)) {
            throw new IllegalStateException("key " + key + " is not declared for " + path);
        }
        return entries.get(key);
    }

    String text(String key) {
        return binding.text(path(key), node(key));
    }

    /** Why a present key's text came out empty, or null; see {@link Binding#whyEmpty}. */
    String whyEmpty(String key) {
        Object node = entries.get(key);
        return node == null ? null : binding.whyEmpty(node);
    }

    String requiredText(String key) {
        Object node = node(key);
        if (!entries.containsKey(key)) {
            binding.problem(path(key), "required key is missing");
            return null;
        }
        return binding.requiredText(path(key), node);
    }

    Long whole(String key, long min, long max) {
        return binding.whole(path(key), node(key), min, max);
    }

    BigDecimal decimal(String key, boolean zeroAllowed) {
        return binding.decimal(path(key), node(key), zeroAllowed);
    }

    BigDecimal requiredDecimal(String key, boolean zeroAllowed) {
        if (!has(key)) {
            binding.problem(path(key), entries.containsKey(key) ? "must not be empty" : "required key is missing");
            return null;
        }
        return decimal(key, zeroAllowed);
    }

    String oneOf(String key, String what, List<String> valid) {
        return binding.oneOf(path(key), node(key), what, valid);
    }

    /** A nested section, or null when absent or not a mapping. */
    Section section(String key, List<String> keys) {
        Object node = node(key);
        return node == null ? null : open(binding, path(key), node, keys);
    }

    /** The elements of an optional list; empty when absent. */
    List<Item> list(String key) {
        Object node = node(key);
        if (node == null) {
            return List.of();
        }
        if (!(node instanceof List<?> elements)) {
            binding.problem(path(key), "expected a list, got " + Binding.describe(node));
            return List.of();
        }
        List<Item> items = new ArrayList<>(elements.size());
        for (int i = 0; i < elements.size(); i++) {
            items.add(new Item(path(key) + "[" + i + "]", null, elements.get(i)));
        }
        return items;
    }

    /** The elements of a list that must be present and non-empty. */
    List<Item> requiredList(String key) {
        if (!entries.containsKey(key)) {
            binding.problem(path(key), "required key is missing");
            return List.of();
        }
        List<Item> items = list(key);
        if (items.isEmpty() && (node(key) == null || node(key) instanceof List)) {
            binding.problem(path(key), "must list at least one entry");
        }
        return items;
    }

    /** The entries of an optional free-form mapping (any keys), in file order. */
    List<Item> entries(String key) {
        Object node = node(key);
        if (node == null) {
            return List.of();
        }
        if (!(node instanceof Map<?, ?> map)) {
            binding.problem(path(key), "expected a mapping, got " + Binding.describe(node));
            return List.of();
        }
        List<Item> items = new ArrayList<>(map.size());
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (entry.getKey() instanceof String name) {
                items.add(new Item(join(path(key), name), name, entry.getValue()));
            } else {
                binding.problem(path(key), "keys must be text, got " + Binding.describe(entry.getKey()));
            }
        }
        return items;
    }

    private static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private static String unknownKey(String key, List<String> validKeys) {
        String message = "unknown key (valid keys: " + String.join(", ", validKeys) + ")";
        String closest = closest(key, validKeys);
        return closest == null ? message : message + "; did you mean " + closest + "?";
    }

    /** The valid key closest to a misspelt one, if it is within two edits. */
    private static String closest(String key, List<String> validKeys) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : validKeys) {
            int distance = editDistance(key, candidate);
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return bestDistance <= 2 && bestDistance < key.length() ? best : null;
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
