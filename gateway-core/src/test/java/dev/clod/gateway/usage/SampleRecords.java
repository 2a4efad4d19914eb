package dev.clod.gateway.usage;

import dev.clod.gateway.api.Usage;
import dev.clod.gateway.pricing.Cost;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Usage records for tests, reproducible from a seed. Times have whole microseconds, as the databases keep them. */
final class SampleRecords {

    static final Instant START = Instant.parse("2024-08-29T00:00:00Z");
    static final List<String> PROJECTS = java.util.Arrays.asList("prj_a", "prj_b", "prj_c", null);
    static final List<String> KEYS = java.util.Arrays.asList("key_1", "key_2", "key_3", null);
    static final List<String> MODELS = java.util.Arrays.asList("llama-3.1-8b", "gpt-4o-mini", "mistral-small", null);

    private SampleRecords() {}

    /** A plain successful record. */
    static UsageRecord record(String requestId, Instant time, String projectId, String userPrice) {
        return new UsageRecord(
                requestId,
                time,
                "key_1",
                projectId,
                "llama-3.1-8b",
                "llama-3.1-8b",
                "llama-3.1-8b@site-a",
                "simulated",
                "site-a",
                "price",
                new Usage(10, 20, 0),
                new Cost(new BigDecimal(userPrice), new BigDecimal(userPrice), BigDecimal.ZERO),
                Duration.ofMillis(5),
                Duration.ofMillis(40),
                false,
                200,
                null,
                new BigDecimal("0.000125"));
    }

    /**
     * {@code count} varied records over five days from {@link #START} (crossing a month), with every
     * kind of null, failures, and several records sharing one instant.
     */
    static List<UsageRecord> varied(int count, long seed) {
        Random random = new Random(seed);
        List<UsageRecord> records = new ArrayList<>(count);
        Instant time = START;
        for (int i = 0; i < count; i++) {
            if (random.nextInt(4) != 0) {
                // Otherwise keep the previous instant, so paging must break ties by request id.
                time = START.plus(Duration.ofSeconds(random.nextInt(5 * 24 * 3600)))
                        .plusNanos(random.nextInt(1_000_000) * 1_000L);
            }
            String model = MODELS.get(random.nextInt(MODELS.size()));
            boolean failed = model == null || random.nextInt(6) == 0;
            BigDecimal price = failed
                    ? BigDecimal.ZERO
                    : BigDecimal.valueOf(random.nextInt(1_000_000_000), 12 - random.nextInt(4));
            records.add(new UsageRecord(
                    String.format("req-%05d-%d", i, seed),
                    time,
                    KEYS.get(random.nextInt(KEYS.size())),
                    PROJECTS.get(random.nextInt(PROJECTS.size())),
                    model == null ? "unknown-model" : model,
                    model,
                    model == null ? null : model + "@site-a",
                    model == null ? null : "simulated",
                    random.nextBoolean() ? "site-a" : null,
                    "price",
                    failed ? Usage.ZERO : new Usage(random.nextInt(5000), random.nextInt(2000), random.nextInt(100)),
                    failed ? Cost.ZERO : new Cost(price, price, BigDecimal.ZERO),
                    failed ? null : Duration.ofMillis(random.nextInt(500)),
                    Duration.ofMillis(random.nextInt(5000)),
                    random.nextBoolean(),
                    failed ? 502 : 200,
                    failed ? "upstream_error" : null,
                    random.nextBoolean() ? null : BigDecimal.valueOf(random.nextInt(1_000_000), 9)));
        }
        return records;
    }
}
