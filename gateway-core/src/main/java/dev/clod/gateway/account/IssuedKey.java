package dev.clod.gateway.account;

import java.util.Objects;

/**
 * A key just created, with its secret: the only time the secret exists outside the caller's hands.
 * {@link #toString()} masks the secret so that logging this value does not leak it.
 */
public record IssuedKey(ApiKey key, String secret) {

    public IssuedKey {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(secret, "secret");
    }

    @Override
    public String toString() {
        return "IssuedKey[key=" + key + ", secret=" + key.prefix() + "***]";
    }
}
