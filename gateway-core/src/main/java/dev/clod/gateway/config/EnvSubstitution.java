package dev.clod.gateway.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Expands {@code ${NAME}} and {@code ${NAME:-default}} in a scalar. As in a shell, the default applies
 * when the variable is unset or empty; an unset variable without a default expands to nothing and is
 * remembered so that a required field can name it. <code>$${</code> stands for a literal <code>${</code>.
 */
final class EnvSubstitution {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /**
     * @param value the expanded text
     * @param unset variables that expanded to nothing for want of a value and a default
     */
    record Result(String value, List<String> unset) {}

    private final Map<String, String> env;

    EnvSubstitution(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    /** @throws IllegalArgumentException for a reference that is not closed or has a bad name */
    Result expand(String raw) {
        if (raw.indexOf('$') < 0) {
            return new Result(raw, List.of());
        }
        StringBuilder out = new StringBuilder(raw.length());
        List<String> unset = new ArrayList<>();
        int i = 0;
        while (i < raw.length()) {
            if (raw.startsWith("$${", i)) {
                out.append("${");
                i += 3;
            } else if (raw.startsWith("${", i)) {
                int close = raw.indexOf('}', i + 2);
                if (close < 0) {
                    throw new IllegalArgumentException(
                            "unclosed \"${\" in \"" + raw + "\" (write ${NAME} or ${NAME:-default})");
                }
                String body = raw.substring(i + 2, close);
                int separator = body.indexOf(":-");
                String name = separator < 0 ? body : body.substring(0, separator);
                if (!NAME.matcher(name).matches()) {
                    throw new IllegalArgumentException(
                            "bad variable reference \"${" + body + "}\" (write ${NAME} or ${NAME:-default})");
                }
                String value = env.get(name);
                if (value == null || value.isEmpty()) {
                    if (separator >= 0) {
                        value = body.substring(separator + 2);
                    } else {
                        value = "";
                        unset.add(name);
                    }
                }
                out.append(value);
                i = close + 1;
            } else {
                out.append(raw.charAt(i));
                i++;
            }
        }
        return new Result(out.toString(), List.copyOf(unset));
    }
}
