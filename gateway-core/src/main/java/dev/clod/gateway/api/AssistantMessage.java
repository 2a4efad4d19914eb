package dev.clod.gateway.api;

import java.util.List;

/**
 * What the model said: text, tool calls, or both. {@code content} is null when the model only called
 * tools; clients replay such messages with content null, empty or absent, and all three arrive here
 * as null.
 */
public record AssistantMessage(String content, List<ToolCall> toolCalls, String name, String refusal)
        implements ChatMessage {

    public AssistantMessage {
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
        if (content != null && content.isEmpty() && !toolCalls.isEmpty()) {
            content = null;
        }
    }

    public static AssistantMessage of(String content) {
        return new AssistantMessage(content, List.of(), null, null);
    }

    public static AssistantMessage ofToolCalls(List<ToolCall> toolCalls) {
        return new AssistantMessage(null, toolCalls, null, null);
    }

    @Override
    public String role() {
        return "assistant";
    }
}
