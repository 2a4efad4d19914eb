package dev.clod.gateway.usage;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Usage per model since this gateway started, in memory. It answers "what has this process served"
 * for embedded use (the Camel component's {@code clod:usage}); it is not a ledger and keeps nothing
 * across restarts.
 */
public final class UsageTally implements UsageSink {

    private static final String UNRESOLVED = "(none)";

    private final ConcurrentHashMap<String, AtomicReference<UsageRow>> byModel = new ConcurrentHashMap<>();

    @Override
    public CompletionStage<Void> record(UsageRecord record) {
        String key = record.model() == null ? UNRESOLVED : record.model();
        AtomicReference<UsageRow> row = byModel.computeIfAbsent(
                key, model -> new AtomicReference<>(new UsageRow(model, 0, 0, 0, 0, BigDecimal.ZERO)));
        row.updateAndGet(current -> new UsageRow(
                current.key(),
                current.requests() + 1,
                current.failedRequests() + (record.succeeded() ? 0 : 1),
                current.promptTokens() + record.usage().promptTokens(),
                current.completionTokens() + record.usage().completionTokens(),
                current.costUsd().add(record.cost().userPrice())));
        return CompletableFuture.completedFuture(null);
    }

    /** One row per model that served a request, by model id. */
    public List<UsageRow> byModel() {
        List<UsageRow> rows = new ArrayList<>();
        byModel.values().forEach(row -> rows.add(row.get()));
        rows.sort(Comparator.comparing(UsageRow::key));
        return rows;
    }

    /** Everything summed into one row keyed {@code total}. */
    public UsageRow total() {
        long requests = 0;
        long failed = 0;
        long prompt = 0;
        long completion = 0;
        BigDecimal cost = BigDecimal.ZERO;
        for (UsageRow row : byModel()) {
            requests += row.requests();
            failed += row.failedRequests();
            prompt += row.promptTokens();
            completion += row.completionTokens();
            cost = cost.add(row.costUsd());
        }
        return new UsageRow("total", requests, failed, prompt, completion, cost);
    }
}
