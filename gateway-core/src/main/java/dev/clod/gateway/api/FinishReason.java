package dev.clod.gateway.api;

import java.util.Locale;

/** Why the model stopped. */
public enum FinishReason {
    STOP,
    LENGTH,
    TOOL_CALLS,
    CONTENT_FILTER;

    /** The name on OpenAI's wire. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses OpenAI's name; {@code function_call} (the legacy form) counts as tool calls. */
    public static FinishReason fromWire(String value) {
        if (value == null) {
            return null;
        }
        return switch (value) {
            case "stop" -> STOP;
            case "length" -> LENGTH;
            case "tool_calls", "function_call" -> TOOL_CALLS;
            case "content_filter" -> CONTENT_FILTER;
            default -> STOP;
        };
    }
}
