package dev.clod.gateway.routing;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** One thing a caller can ask the router to optimise, with the tags that name it. */
public enum Objective {
    /** Lowest expected cost of this request at each candidate's current price. */
    PRICE(List.of("price", "cost", "floor")),
    /** Lowest measured time to first token. */
    LATENCY(List.of("latency", "ttft")),
    /** Highest measured output tokens per second. */
    TOKEN_RATE(List.of("tokenrate", "throughput", "speed", "nitro"));

    private final List<String> tags;

    Objective(List<String> tags) {
        this.tags = tags;
    }

    /** The tags that select this objective; the first is its canonical name. */
    public List<String> tags() {
        return tags;
    }

    /** The canonical tag, e.g. {@code tokenrate}. */
    public String tag() {
        return tags.get(0);
    }

    /** The objective a tag names, case-insensitively, or empty for an unknown tag. */
    public static Optional<Objective> fromTag(String tag) {
        String wanted = tag.trim().toLowerCase(Locale.ROOT);
        for (Objective objective : values()) {
            if (objective.tags.contains(wanted)) {
                return Optional.of(objective);
            }
        }
        return Optional.empty();
    }

    /** Every valid tag, for error messages: {@code price (cost, floor), latency (ttft), …}. */
    public static String validTags() {
        StringBuilder text = new StringBuilder();
        for (Objective objective : values()) {
            if (text.length() > 0) {
                text.append(", ");
            }
            text.append(objective.tag());
            List<String> aliases = objective.tags.subList(1, objective.tags.size());
            if (!aliases.isEmpty()) {
                text.append(" (").append(String.join(", ", aliases)).append(')');
            }
        }
        return text.toString();
    }
}
