package dev.clod.gateway.config;

import java.util.List;

/**
 * The configuration cannot be used. The message names the source and, for each problem, the path of
 * the offending node: {@code clod.yaml: providers[2].bse_url: unknown key (valid keys: …)}.
 */
public final class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final List<String> problems;

    /**
     * @param source the file or resource the configuration came from
     * @param problems one line per problem, each starting with the path it concerns
     */
    public ConfigException(String source, List<String> problems) {
        this(source, problems, null);
    }

    public ConfigException(String source, List<String> problems, Throwable cause) {
        super(message(source, problems), cause);
        this.source = source;
        this.problems = List.copyOf(problems);
    }

    private static String message(String source, List<String> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ConfigException names at least one problem");
        }
        if (problems.size() == 1) {
            return source + ": " + problems.get(0);
        }
        StringBuilder text = new StringBuilder(source)
                .append(" has ")
                .append(problems.size())
                .append(" problems:");
        for (String problem : problems) {
            text.append("\n  - ").append(problem);
        }
        return text.toString();
    }

    /** Where the configuration came from. */
    public String source() {
        return source;
    }

    /** Each problem, in file order, each starting with the path it concerns. */
    public List<String> problems() {
        return problems;
    }
}
