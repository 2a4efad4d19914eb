package dev.clod.gateway.account;

import java.time.Instant;
import java.util.Objects;

/**
 * An API key as the gateway keeps it: everything but the secret.
 *
 * @param projectId the key's project, or null for a key outside any project
 * @param prefix the first characters of the secret, enough to recognise a key in a list
 * @param rpm requests per minute, or null for no limit
 * @param tpm tokens per minute, or null for no limit
 * @param revoked when the key was revoked, or null while it is active
 */
public record ApiKey(
        String id,
        String name,
        String projectId,
        String prefix,
        Integer rpm,
        Integer tpm,
        Instant created,
        Instant revoked) {

    public ApiKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(created, "created");
    }

    /** Whether the key still authenticates. */
    public boolean active() {
        return revoked == null;
    }
}
