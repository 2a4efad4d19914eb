package dev.clod.examples.etl;

import java.math.BigDecimal;

/** One output record: the input's key fields, the model's summary, and where and at what cost it was made. */
public record EnrichedRow(
        String code,
        String country,
        String region,
        String summary,
        String model,
        String deployment,
        String site,
        int promptTokens,
        int completionTokens,
        BigDecimal costUsd) {}
