package dev.clod.gateway.provider.gemini;

import dev.clod.gateway.api.FinishReason;

/** Gemini's {@code finishReason} as OpenAI's finish reason. */
final class FinishReasons {

    /** Gemini tried to call a function but wrote no valid call; the answer holds nothing usable. */
    static final String MALFORMED_FUNCTION_CALL = "MALFORMED_FUNCTION_CALL";

    private FinishReasons() {}

    /**
     * {@code STOP} is a stop, or {@code tool_calls} when the answer called functions; {@code
     * MAX_TOKENS} is {@code length}; {@code SAFETY}, {@code RECITATION}, {@code BLOCKLIST}, {@code
     * PROHIBITED_CONTENT}, {@code SPII} and {@code IMAGE_SAFETY} are {@code content_filter}; others
     * ({@code LANGUAGE}, {@code OTHER}, reasons added later) are a stop. Null stays null.
     */
    static FinishReason of(String reason, boolean calledFunctions) {
        if (reason == null) {
            return null;
        }
        return switch (reason) {
            case "MAX_TOKENS" -> FinishReason.LENGTH;
            case "SAFETY", "RECITATION", "BLOCKLIST", "PROHIBITED_CONTENT", "SPII", "IMAGE_SAFETY" ->
                FinishReason.CONTENT_FILTER;
            default -> calledFunctions ? FinishReason.TOOL_CALLS : FinishReason.STOP;
        };
    }
}
