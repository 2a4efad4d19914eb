package dev.clod.gateway.usage;

import java.time.Instant;
import java.util.Objects;

/**
 * A usage summary request: requests recorded in {@code [from, to)}, grouped by {@code groupBy}.
 *
 * @param projectId only this project's requests, or null for every project (the admin's view)
 */
public record UsageQuery(Instant from, Instant to, GroupBy groupBy, String projectId) {

    public UsageQuery {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(groupBy, "groupBy");
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("usage query 'from' (" + from + ") must be before 'to' (" + to + ")");
        }
        if (projectId != null && projectId.isBlank()) {
            throw new IllegalArgumentException("usage query projectId must be null (all projects) or an id");
        }
    }
}
