package dev.clod.examples.lowprice;

import dev.clod.camel.energy.EnergyPlan;
import dev.clod.camel.energy.PriceAt;
import dev.clod.camel.energy.PriceHistory;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The batch's outcome: when it was submitted and planned, when and where it ran (on the replayed energy
 * clock), what it cost, and what running it at once at submit time would have cost.
 */
public final class BatchReport {

    private final String model;
    private final EnergyPlan plan;
    private final List<BatchRecord> records;
    private final CostAtSubmit atOnce;

    BatchReport(String model, EnergyPlan plan, List<BatchRecord> records, PriceHistory history) {
        this.model = model;
        this.plan = plan;
        this.records = List.copyOf(records);
        this.atOnce = CostAtSubmit.of(history, plan.plannedAt(), records);
    }

    /** The plan the batch waited for. */
    public EnergyPlan plan() {
        return plan;
    }

    public List<BatchRecord> records() {
        return records;
    }

    /** What the batch cost, summed from each answer's cost. */
    public BigDecimal costUsd() {
        return records.stream().map(BatchRecord::costUsd).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** What the same tokens would have cost at once, at submit time, at the cheapest site for each. */
    public BigDecimal costAtOnceUsd() {
        return atOnce.costUsd();
    }

    public BigDecimal savingUsd() {
        return costAtOnceUsd().subtract(costUsd());
    }

    /** The first instant a record was priced at. */
    public Instant firstPricedAt() {
        return records.stream()
                .map(BatchRecord::pricedAt)
                .min(Comparator.naturalOrder())
                .orElseThrow();
    }

    /** The last instant a record was priced at. */
    public Instant lastPricedAt() {
        return records.stream()
                .map(BatchRecord::pricedAt)
                .max(Comparator.naturalOrder())
                .orElseThrow();
    }

    /** How many records each site served. */
    public Map<String, Integer> recordsBySite() {
        Map<String, Integer> bySite = new TreeMap<>();
        records.forEach(record -> bySite.merge(record.site(), 1, Integer::sum));
        return bySite;
    }

    public void print(PrintStream out) {
        int prompt = records.stream().mapToInt(BatchRecord::promptTokens).sum();
        int completion =
                records.stream().mapToInt(BatchRecord::completionTokens).sum();
        out.println();
        out.println("Low-price batch: " + records.size() + " records on " + model
                + " (times are the replayed energy clock's)");
        out.println("  submitted: " + time(plan.plannedAt()));
        out.println("  deadline:  " + time(plan.deadline()));
        out.println("  planned:   " + time(plan.start()) + " to " + time(plan.end()) + ", " + planBasis());
        out.println("  ran:       " + time(firstPricedAt()) + " to " + time(lastPricedAt()) + " at "
                + sites(recordsBySite()));
        out.println("  tokens:    " + prompt + " prompt + " + completion + " completion");
        out.println("  cost:      $" + money(costUsd()));
        out.println("  at once:   $" + money(costAtOnceUsd()) + " (the same tokens at submit time, at "
                + sites(atOnce.recordsBySite()) + ")");
        out.println("  saving:    $" + money(savingUsd()) + " (" + percent() + "%)");
        out.println("  electricity at submit time, $/MWh: " + submitPrices());
    }

    private String planBasis() {
        if (!plan.followsProposal()) {
            return "the latest start (" + plan.reason() + ")";
        }
        return "the cheapest window: " + plan.window().site() + " at an expected "
                + plan.window().expectedUsdPerMwh().setScale(2, RoundingMode.HALF_EVEN) + " $/MWh ("
                + plan.window().basis() + ")";
    }

    private String submitPrices() {
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, PriceAt> site : atOnce.pricesAtSubmit().entrySet()) {
            if (!text.isEmpty()) {
                text.append(", ");
            }
            text.append(site.getKey())
                    .append(' ')
                    .append(site.getValue().usdPerMwh().setScale(2, RoundingMode.HALF_EVEN));
        }
        return text.toString();
    }

    private String percent() {
        if (costAtOnceUsd().signum() == 0) {
            return "0";
        }
        return savingUsd()
                .multiply(BigDecimal.valueOf(100))
                .divide(costAtOnceUsd(), MathContext.DECIMAL64)
                .setScale(1, RoundingMode.HALF_EVEN)
                .toPlainString();
    }

    private static String sites(Map<String, Integer> bySite) {
        StringBuilder text = new StringBuilder();
        bySite.forEach((site, count) -> {
            if (!text.isEmpty()) {
                text.append(", ");
            }
            text.append(site).append(" (").append(count).append(count == 1 ? " record)" : " records)");
        });
        return text.toString();
    }

    private static String time(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static String money(BigDecimal amount) {
        return amount.setScale(8, RoundingMode.HALF_EVEN).toPlainString();
    }
}
