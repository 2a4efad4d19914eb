package dev.clod.gateway.api;

import java.util.Objects;

/** What the user says: plain text or a list of parts (text, images, or parts passed through). */
public record UserMessage(MessageContent content, String name) implements ChatMessage {

    public UserMessage {
        Objects.requireNonNull(content, "content");
    }

    public static UserMessage of(String text) {
        return new UserMessage(new MessageContent.Text(text), null);
    }

    @Override
    public String role() {
        return "user";
    }
}
