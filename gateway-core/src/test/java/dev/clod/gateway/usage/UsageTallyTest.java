package dev.clod.gateway.usage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clod.gateway.api.Usage;
import dev.clod.gateway.pricing.Cost;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class UsageTallyTest {

    private final UsageTally tally = new UsageTally();

    @Test
    void sumsPerModelAndInTotal() {
        tally.record(record("llama", 10, 5, "0.001", null));
        tally.record(record("llama", 20, 15, "0.002", null));
        tally.record(record("deepseek", 1, 1, "0.5", null));
        tally.record(record(null, 0, 0, "0", "upstream_error"));

        assertThat(tally.byModel())
                .containsExactly(
                        new UsageRow("(none)", 1, 1, 0, 0, BigDecimal.ZERO),
                        new UsageRow("deepseek", 1, 0, 1, 1, new BigDecimal("0.5")),
                        new UsageRow("llama", 2, 0, 30, 20, new BigDecimal("0.003")));
        UsageRow total = tally.total();
        assertThat(total.requests()).isEqualTo(4);
        assertThat(total.failedRequests()).isEqualTo(1);
        assertThat(total.totalTokens()).isEqualTo(52);
        assertThat(total.costUsd()).isEqualByComparingTo("0.503");
    }

    @Test
    void losesNothingUnderConcurrentWriters() throws Exception {
        List<CompletableFuture<Void>> writers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            writers.add(CompletableFuture.runAsync(() -> {
                for (int i = 0; i < 1_000; i++) {
                    tally.record(record("llama", 1, 2, "0.001", null));
                }
            }));
        }
        CompletableFuture.allOf(writers.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

        UsageRow row = tally.byModel().get(0);
        assertThat(row.requests()).isEqualTo(4_000);
        assertThat(row.promptTokens()).isEqualTo(4_000);
        assertThat(row.completionTokens()).isEqualTo(8_000);
        assertThat(row.costUsd()).isEqualByComparingTo("4.000");
    }

    private static UsageRecord record(String model, int prompt, int completion, String cost, String errorType) {
        BigDecimal price = new BigDecimal(cost);
        return new UsageRecord(
                "r",
                Instant.EPOCH,
                null,
                null,
                model == null ? "x" : model,
                model,
                null,
                null,
                null,
                "price",
                new Usage(prompt, completion, 0),
                new Cost(price, price, BigDecimal.ZERO),
                null,
                Duration.ZERO,
                false,
                errorType == null ? 200 : 502,
                errorType);
    }
}
