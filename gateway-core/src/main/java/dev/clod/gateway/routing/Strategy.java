package dev.clod.gateway.routing;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A set of objectives. Order never matters: {@code @price@latency} and {@code @latency@price} are the
 * same strategy and choose the same deployment.
 */
public record Strategy(Set<Objective> objectives) {

    public Strategy {
        Objects.requireNonNull(objectives, "objectives");
        if (objectives.isEmpty()) {
            throw new IllegalArgumentException("a strategy has at least one objective");
        }
        objectives = Collections.unmodifiableSet(EnumSet.copyOf(objectives));
    }

    public static Strategy of(Objective first, Objective... rest) {
        return new Strategy(EnumSet.of(first, rest));
    }

    public boolean has(Objective objective) {
        return objectives.contains(objective);
    }

    /** The canonical form, objectives in declaration order: {@code price+latency}. */
    public String label() {
        return objectives.stream().map(Objective::tag).collect(Collectors.joining("+"));
    }

    @Override
    public String toString() {
        return label();
    }
}
