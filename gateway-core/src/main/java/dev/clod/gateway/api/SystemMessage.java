package dev.clod.gateway.api;

import java.util.Objects;

/**
 * Instructions for the model. OpenAI's newer {@code developer} role arrives here too, with {@code
 * developer} set, so it can be sent back under the role the upstream understands.
 */
public record SystemMessage(String content, String name, boolean developer) implements ChatMessage {

    public SystemMessage {
        Objects.requireNonNull(content, "content");
    }

    public static SystemMessage of(String content) {
        return new SystemMessage(content, null, false);
    }

    @Override
    public String role() {
        return developer ? "developer" : "system";
    }
}
