package dev.clod.gateway.provider.anthropic;

import dev.clod.gateway.api.FinishReason;

/** Anthropic's {@code stop_reason} as OpenAI's finish reason. */
final class StopReasons {

    private StopReasons() {}

    /**
     * {@code end_turn}, {@code stop_sequence} and {@code pause_turn} stop; {@code max_tokens} and
     * {@code model_context_window_exceeded} are {@code length}; {@code tool_use} is {@code
     * tool_calls}; {@code refusal} is {@code content_filter}. A reason this release does not know
     * counts as a stop; null stays null (a stream not yet finished).
     */
    static FinishReason of(String stopReason) {
        if (stopReason == null) {
            return null;
        }
        return switch (stopReason) {
            case "max_tokens", "model_context_window_exceeded" -> FinishReason.LENGTH;
            case "tool_use" -> FinishReason.TOOL_CALLS;
            case "refusal" -> FinishReason.CONTENT_FILTER;
            default -> FinishReason.STOP;
        };
    }
}
