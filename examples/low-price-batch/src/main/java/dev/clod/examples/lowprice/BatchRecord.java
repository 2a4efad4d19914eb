package dev.clod.examples.lowprice;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One record of the batch once answered: where and when (on the energy clock) it was served, and what
 * it used and cost.
 */
public record BatchRecord(
        String file, String site, Instant pricedAt, int promptTokens, int completionTokens, BigDecimal costUsd) {}
