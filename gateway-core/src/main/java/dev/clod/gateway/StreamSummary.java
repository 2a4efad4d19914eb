package dev.clod.gateway;

import dev.clod.gateway.api.FinishReason;
import dev.clod.gateway.api.Usage;
import dev.clod.gateway.pricing.Cost;
import java.time.Duration;

/**
 * The end of a stream: its usage (the upstream's count, or an estimate where the upstream gave none),
 * cost, finish reason and timings.
 */
public record StreamSummary(
        Usage usage,
        boolean usageEstimated,
        Cost cost,
        FinishReason finishReason,
        Duration timeToFirstToken,
        Duration duration) {}
