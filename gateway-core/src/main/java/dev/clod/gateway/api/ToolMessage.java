package dev.clod.gateway.api;

import java.util.Objects;

/** The result of one tool call, sent back to the model. */
public record ToolMessage(String toolCallId, String content) implements ChatMessage {

    public ToolMessage {
        Objects.requireNonNull(toolCallId, "toolCallId");
        Objects.requireNonNull(content, "content");
    }

    @Override
    public String role() {
        return "tool";
    }
}
