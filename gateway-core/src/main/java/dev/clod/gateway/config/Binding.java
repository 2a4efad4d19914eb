package dev.clod.gateway.config;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns one YAML node into a typed value, or records why it cannot, under the node's path. Scalars
 * arrive as text (see {@link YamlTree}) and go through {@code ${VAR}} expansion first, so a number may
 * come from a variable as well as from the file.
 *
 * <p>Every method records at most one problem and returns null when the value is absent, empty or
 * bad; callers apply their default and carry on, so one load reports every problem.
 */
final class Binding {

    private final Problems problems;
    private final EnvSubstitution substitution;

    Binding(Problems problems, EnvSubstitution substitution) {
        this.problems = problems;
        this.substitution = substitution;
    }

    Problems problems() {
        return problems;
    }

    void problem(String path, String message) {
        problems.add(path, message);
    }

    /** Optional text: null when absent or when it expands to nothing but whitespace. */
    String text(String path, Object node) {
        EnvSubstitution.Result expanded = expand(path, node, "text");
        return expanded == null || expanded.value().isBlank() ? null : expanded.value();
    }

    /**
     * Why text that is present came out empty, e.g. {@code ${OPENAI_API_KEY} is not set}; null when it
     * is absent or has a value.
     */
    String whyEmpty(Object node) {
        String raw = scalarText(node);
        if (raw == null) {
            return null;
        }
        EnvSubstitution.Result expanded;
        try {
            expanded = substitution.expand(raw);
        } catch (IllegalArgumentException malformed) {
            return null;
        }
        if (!expanded.value().isBlank()) {
            return null;
        }
        return expanded.unset().isEmpty() ? "it is empty" : notSet(expanded.unset());
    }

    /** Required text: a problem naming the unset variables when it expands to nothing. */
    String requiredText(String path, Object node) {
        if (node == null) {
            problem(path, "must not be empty");
            return null;
        }
        EnvSubstitution.Result expanded = expand(path, node, "text");
        if (expanded == null) {
            return null;
        }
        if (expanded.value().isBlank()) {
            problem(path, expanded.unset().isEmpty() ? "must not be empty" : notSet(expanded.unset()));
            return null;
        }
        return expanded.value();
    }

    /** An optional whole number in [min, max]. */
    Long whole(String path, Object node, long min, long max) {
        EnvSubstitution.Result expanded = expand(path, node, "a whole number");
        if (expanded == null || expanded.value().isEmpty()) {
            return null;
        }
        long value;
        try {
            value = Long.parseLong(expanded.value().strip());
        } catch (NumberFormatException e) {
            problem(path, "expected a whole number, got " + quote(node, expanded));
            return null;
        }
        if (value < min || value > max) {
            problem(path, range(min, max) + ", got " + value);
            return null;
        }
        return value;
    }

    /**
     * An optional non-negative decimal, parsed exactly from its text: {@code 0.1} stays {@code 0.1},
     * which a trip through {@code double} would not guarantee.
     */
    BigDecimal decimal(String path, Object node, boolean zeroAllowed) {
        EnvSubstitution.Result expanded = expand(path, node, "a number");
        if (expanded == null || expanded.value().isEmpty()) {
            return null;
        }
        BigDecimal value;
        try {
            value = new BigDecimal(expanded.value().strip());
        } catch (NumberFormatException e) {
            problem(path, "expected a number, got " + quote(node, expanded));
            return null;
        }
        if (value.signum() < 0 || (!zeroAllowed && value.signum() == 0)) {
            problem(path, (zeroAllowed ? "must not be negative" : "must be greater than 0") + ", got " + value);
            return null;
        }
        return value;
    }

    /** An optional value from a closed set, matched case-insensitively; returns the canonical spelling. */
    String oneOf(String path, Object node, String what, List<String> valid) {
        String value = text(path, node);
        if (value == null) {
            return null;
        }
        for (String candidate : valid) {
            if (candidate.equalsIgnoreCase(value.strip())) {
                return candidate;
            }
        }
        problem(path, "unknown " + what + " \"" + value + "\" (valid: " + String.join(", ", valid) + ")");
        return null;
    }

    private EnvSubstitution.Result expand(String path, Object node, String expected) {
        if (node == null) {
            return null;
        }
        String raw = scalarText(node);
        if (raw == null) {
            problem(path, "expected " + expected + ", got " + describe(node));
            return null;
        }
        try {
            return substitution.expand(raw);
        } catch (IllegalArgumentException e) {
            problem(path, e.getMessage());
            return null;
        }
    }

    /** The text of a scalar; explicit YAML tags such as {@code !!int} may have made it a number. */
    private static String scalarText(Object node) {
        if (node instanceof String text) {
            return text;
        }
        if (node instanceof Number || node instanceof Boolean) {
            return String.valueOf(node);
        }
        return null;
    }

    static String describe(Object node) {
        if (node instanceof Map) {
            return "a mapping";
        }
        if (node instanceof List) {
            return "a list";
        }
        if (node instanceof Set) {
            return "a set";
        }
        String text = scalarText(node);
        return text != null ? "\"" + text + "\"" : "a " + node.getClass().getSimpleName();
    }

    private static String quote(Object node, EnvSubstitution.Result expanded) {
        String raw = scalarText(node);
        String shown = "\"" + expanded.value() + "\"";
        return expanded.value().equals(raw) ? shown : shown + " (from \"" + raw + "\")";
    }

    private static String notSet(List<String> unset) {
        String names = unset.stream().map(name -> "${" + name + "}").collect(Collectors.joining(", "));
        return names + (unset.size() == 1 ? " is not set" : " are not set");
    }

    private static String range(long min, long max) {
        if (max == Long.MAX_VALUE || max == Integer.MAX_VALUE) {
            return min == 1 ? "must be greater than 0" : "must be at least " + min;
        }
        return "must be between " + min + " and " + max;
    }
}
