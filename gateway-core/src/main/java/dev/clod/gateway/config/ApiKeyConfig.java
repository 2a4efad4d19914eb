package dev.clod.gateway.config;

import dev.clod.gateway.routing.Strategy;
import java.util.Objects;

/**
 * A static bearer key the server accepts, declared in the configuration file.
 *
 * @param key the secret itself; never log it
 * @param defaultStrategy the strategy for this key's requests that name none, or null for the
 *     gateway's default
 */
public record ApiKeyConfig(String name, String key, Strategy defaultStrategy) {

    public ApiKeyConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(key, "key");
    }

    @Override
    public String toString() {
        // Records print every component; this one holds a secret.
        return "ApiKeyConfig[name=" + name + ", key=***, defaultStrategy=" + defaultStrategy + "]";
    }
}
