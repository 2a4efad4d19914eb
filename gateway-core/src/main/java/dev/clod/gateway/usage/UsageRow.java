package dev.clod.gateway.usage;

import java.math.BigDecimal;

/**
 * Usage summed over a group of requests.
 *
 * @param key the group's value, e.g. a model id
 * @param costUsd what the callers were charged
 */
public record UsageRow(
        String key, long requests, long failedRequests, long promptTokens, long completionTokens, BigDecimal costUsd) {

    public long totalTokens() {
        return promptTokens + completionTokens;
    }
}
