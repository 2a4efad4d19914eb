package dev.clod.server;

import dev.clod.gateway.account.AccountStore;
import dev.clod.gateway.account.KeyMaterial;
import dev.clod.gateway.account.KeyOwner;
import dev.clod.gateway.account.Project;
import dev.clod.gateway.api.AuthenticationException;
import dev.clod.gateway.routing.Strategy;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The bearer keys this server accepts: the admin key and the configuration's static keys, held only as
 * SHA-256 hashes so a heap dump or a log line never shows a secret, then the keys of the account
 * store (projects' keys, created through the admin API or the command line).
 */
public final class ApiKeys {

    /**
     * Who is calling.
     *
     * @param owner the account store's key and its project; null for the admin key and static keys
     */
    public record Caller(String name, boolean admin, Strategy defaultStrategy, KeyOwner owner) {

        public Caller(String name, boolean admin, Strategy defaultStrategy) {
            this(name, admin, defaultStrategy, null);
        }

        public String keyId() {
            return owner == null ? null : owner.key().id();
        }

        public Project project() {
            return owner == null ? null : owner.project();
        }
    }

    private final Map<String, Caller> byHash = new HashMap<>();
    private volatile AccountStore accounts;

    /** Accepts the account store's keys too, after the static ones. */
    public void useAccounts(AccountStore store) {
        this.accounts = store;
    }

    public void add(String secret, Caller caller) {
        byHash.put(hash(secret), caller);
    }

    /** The caller an {@code Authorization} header value identifies; may read the account store. */
    public Caller authenticate(String authorization) {
        Caller caller = staticCaller(authorization);
        return caller != null ? caller : accountCaller(authorization);
    }

    /**
     * The admin key's or a static key's caller, from memory alone, or null when the key may be one of
     * the account store's.
     *
     * @throws AuthenticationException when there is no usable bearer key at all
     */
    public Caller staticCaller(String authorization) {
        return byHash.get(hash(secret(authorization)));
    }

    /** The account store's caller for the key; this may read the database. */
    public Caller accountCaller(String authorization) {
        String secret = secret(authorization);
        AccountStore store = accounts;
        if (store != null) {
            Optional<KeyOwner> owner = store.authenticate(secret);
            if (owner.isPresent()) {
                return new Caller(owner.get().key().name(), false, null, owner.get());
            }
        }
        throw new AuthenticationException("Incorrect API key provided: " + masked(secret) + ".");
    }

    private static String secret(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            throw new AuthenticationException(
                    "You didn't provide an API key. Send it as 'Authorization: Bearer YOUR_KEY'.");
        }
        return bearer(authorization)
                .orElseThrow(() -> new AuthenticationException("The Authorization header must be 'Bearer YOUR_KEY'."));
    }

    /** A new random key, {@code sk-clod-} followed by 40 letters and digits. */
    public static String generate() {
        return KeyMaterial.newSecret();
    }

    /** Enough of a key to recognise it in an error message, never enough to use it. */
    static String masked(String secret) {
        if (secret.length() <= 8) {
            return "****";
        }
        return secret.substring(0, 4) + "****" + secret.substring(secret.length() - 4);
    }

    private static Optional<String> bearer(String authorization) {
        String value = authorization.strip();
        if (value.length() > 7 && value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String secret = value.substring(7).strip();
            return secret.isEmpty() ? Optional.empty() : Optional.of(secret);
        }
        return Optional.empty();
    }

    private static String hash(String secret) {
        return KeyMaterial.hash(secret);
    }
}
