package dev.clod.gateway.provider.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clod.gateway.api.Usage;

/**
 * Gemini's {@code usageMetadata} as usage: prompt tokens are {@code promptTokenCount} (which includes
 * {@code cachedContentTokenCount}) plus {@code toolUsePromptTokenCount}; completion tokens are {@code
 * candidatesTokenCount} plus {@code thoughtsTokenCount}, since Gemini bills thinking as output;
 * cached tokens are {@code cachedContentTokenCount}.
 */
final class TokenCounts {

    private TokenCounts() {}

    /** The usage, or null when the metadata is absent. */
    static Usage of(JsonNode metadata) {
        if (metadata == null || !metadata.isObject()) {
            return null;
        }
        return new Usage(
                count(metadata, "promptTokenCount") + count(metadata, "toolUsePromptTokenCount"),
                count(metadata, "candidatesTokenCount") + count(metadata, "thoughtsTokenCount"),
                count(metadata, "cachedContentTokenCount"));
    }

    private static int count(JsonNode metadata, String field) {
        int value = metadata.path(field).asInt(0);
        return Math.max(value, 0);
    }
}
