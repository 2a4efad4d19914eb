package dev.clod.gateway.account;

import dev.clod.gateway.api.InvalidRequestException;
import dev.clod.gateway.api.ResourceNotFoundException;
import java.util.List;
import java.util.Optional;

/**
 * Projects and API keys, shared by every gateway instance on one database.
 *
 * <p>{@link #authenticate} runs on every request and may answer from a short-lived in-process cache:
 * a key revoked through this store stops authenticating at once, but one revoked through another
 * instance may still authenticate here for up to {@link JdbcAccountStore#CACHE_TTL}.
 */
public interface AccountStore {

    /**
     * Creates a project.
     *
     * @throws InvalidRequestException with param {@code name} when a project already has that name
     */
    Project createProject(NewProject project);

    /** Every project, oldest first. */
    List<Project> projects();

    /** The project with this id, else the one with this name (names compare exactly). */
    Optional<Project> project(String idOrName);

    /**
     * Creates a key and returns it with its secret, which is not kept and cannot be shown again.
     *
     * @throws ResourceNotFoundException with param {@code project} when the project is unknown
     */
    IssuedKey createKey(NewKey key);

    /** Every key, revoked ones included, oldest first; never with secrets. */
    List<ApiKey> keys();

    /**
     * Revokes a key; it stops authenticating through this store at once. Revoking a revoked key keeps
     * its first revocation time.
     *
     * @return false when no key has this id
     */
    boolean revokeKey(String keyId);

    /** The owner of the active key with this secret; empty for an unknown or revoked secret. */
    Optional<KeyOwner> authenticate(String secret);
}
