package dev.clod.gateway.api;

/** Tokens a request consumed. {@code cachedTokens} is the part of the prompt served from a cache. */
public record Usage(int promptTokens, int completionTokens, int cachedTokens) {

    public static final Usage ZERO = new Usage(0, 0, 0);

    public Usage {
        if (promptTokens < 0 || completionTokens < 0 || cachedTokens < 0) {
            throw new IllegalArgumentException("token counts are never negative");
        }
    }

    public int totalTokens() {
        return promptTokens + completionTokens;
    }

    public Usage plus(Usage other) {
        return new Usage(
                promptTokens + other.promptTokens,
                completionTokens + other.completionTokens,
                cachedTokens + other.cachedTokens);
    }
}
