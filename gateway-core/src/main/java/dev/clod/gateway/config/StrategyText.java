package dev.clod.gateway.config;

import dev.clod.gateway.routing.Objective;
import dev.clod.gateway.routing.Strategy;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A strategy written in the configuration: objective tags separated by {@code @}, {@code ,}, {@code
 * +}, {@code :} or spaces, as in {@code price@latency}, {@code price, latency} or {@code
 * price+latency} (the canonical label).
 */
final class StrategyText {

    private static final Pattern SEPARATORS = Pattern.compile("[@,+:\\s]+");

    private StrategyText() {}

    /** @throws IllegalArgumentException naming the bad tag and listing the valid ones */
    static Strategy parse(String text) {
        Set<Objective> objectives = EnumSet.noneOf(Objective.class);
        for (String tag : SEPARATORS.split(text.strip())) {
            if (tag.isEmpty()) {
                continue;
            }
            Objective objective = Objective.fromTag(tag)
                    .orElseThrow(() -> new IllegalArgumentException(
                            "unknown strategy tag \"" + tag + "\" (valid tags: " + Objective.validTags() + ")"));
            objectives.add(objective);
        }
        if (objectives.isEmpty()) {
            throw new IllegalArgumentException("names no strategy tag (valid tags: " + Objective.validTags() + ")");
        }
        return new Strategy(objectives);
    }
}
