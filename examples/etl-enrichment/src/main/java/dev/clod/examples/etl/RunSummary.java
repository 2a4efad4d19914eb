package dev.clod.examples.etl;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/** Totals over one run: rows, tokens, cost, and how many rows each deployment served. */
public final class RunSummary {

    private int rows;
    private long promptTokens;
    private long completionTokens;
    private BigDecimal costUsd = BigDecimal.ZERO;
    private final Map<String, Integer> rowsByDeployment = new TreeMap<>();

    public synchronized void add(EnrichedRow row) {
        rows++;
        promptTokens += row.promptTokens();
        completionTokens += row.completionTokens();
        costUsd = costUsd.add(row.costUsd());
        rowsByDeployment.merge(row.deployment() + (row.site() == null ? "" : " (" + row.site() + ")"), 1, Integer::sum);
    }

    public synchronized int rows() {
        return rows;
    }

    public synchronized long totalTokens() {
        return promptTokens + completionTokens;
    }

    public synchronized BigDecimal costUsd() {
        return costUsd;
    }

    public synchronized Map<String, Integer> rowsByDeployment() {
        return Map.copyOf(rowsByDeployment);
    }

    public synchronized void print(PrintStream out) {
        out.println();
        out.println("Enriched " + rows + " rows");
        out.println("  tokens: " + promptTokens + " prompt + " + completionTokens + " completion = "
                + (promptTokens + completionTokens));
        out.println("  cost:   $" + costUsd.stripTrailingZeros().toPlainString());
        out.println("  served by:");
        rowsByDeployment.forEach((deployment, count) -> out.println("    " + deployment + ": " + count + " rows"));
    }
}
