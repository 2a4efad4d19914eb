package dev.clod.gateway.account;

import java.util.Objects;

/**
 * Who a request comes from: an active key and its project.
 *
 * @param project the key's project, or null for a key outside any project
 */
public record KeyOwner(ApiKey key, Project project) {

    public KeyOwner {
        Objects.requireNonNull(key, "key");
    }
}
