package dev.clod.gateway.provider.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clod.gateway.api.Usage;

/**
 * Anthropic's usage counts, which a stream reports in parts: {@code message_start} carries the input
 * side, each {@code message_delta} the cumulative counts so far (output always, input and cache
 * counts when it has them).
 *
 * <p>As usage: Anthropic's {@code input_tokens} leaves out the tokens written to and read from the
 * prompt cache, while OpenAI's {@code prompt_tokens} counts the whole prompt, so the prompt tokens are
 * the sum of the three; cache reads are the cached tokens. Anthropic bills cache writes above and
 * cache reads below its input price; the gateway prices every prompt token at the deployment's input
 * price.
 */
final class TokenCounts {

    private int input;
    private int cacheCreation;
    private int cacheRead;
    private int output;

    /** Takes every count the {@code usage} object holds; absent ones keep their value. */
    void update(JsonNode usage) {
        if (usage == null || !usage.isObject()) {
            return;
        }
        input = count(usage, "input_tokens", input);
        cacheCreation = count(usage, "cache_creation_input_tokens", cacheCreation);
        cacheRead = count(usage, "cache_read_input_tokens", cacheRead);
        output = count(usage, "output_tokens", output);
    }

    Usage usage() {
        return new Usage(input + cacheCreation + cacheRead, output, cacheRead);
    }

    static Usage of(JsonNode usage) {
        TokenCounts counts = new TokenCounts();
        counts.update(usage);
        return counts.usage();
    }

    private static int count(JsonNode usage, String field, int current) {
        JsonNode value = usage.get(field);
        return value != null && value.canConvertToInt() && value.asInt() >= 0 ? value.asInt() : current;
    }
}
