package dev.clod.gateway.usage;

import java.math.BigDecimal;

/**
 * Usage summed over one group of requests.
 *
 * @param key the group's value: a model id, a UTC day {@code YYYY-MM-DD}, a project id or a key id;
 *     the empty string stands for "none" (no resolved model, no project, no key)
 * @param failedRequests requests that ended in an error
 * @param costUsd what the callers were charged
 * @param energyKwh energy used; requests without an energy figure count as zero
 */
public record UsageSummaryRow(
        String key,
        long requests,
        long failedRequests,
        long promptTokens,
        long completionTokens,
        BigDecimal costUsd,
        BigDecimal energyKwh) {

    public long totalTokens() {
        return promptTokens + completionTokens;
    }
}
