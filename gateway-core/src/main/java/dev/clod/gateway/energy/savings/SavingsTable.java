package dev.clod.gateway.energy.savings;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A savings result as plain text: what the workload was, and one row per policy. */
public final class SavingsTable {

    private static final String ROW = "%-2s %-40s %10s %10s %10s %13s %14s%n";

    private SavingsTable() {}

    /** The lines describing the priced workload: jobs per kind and tokens, and what was left out. */
    public static List<String> workload(SavingsResult result) {
        Map<String, Long> runs = new LinkedHashMap<>();
        long requests = 0;
        long input = 0;
        long output = 0;
        for (Placement placement : result.baseline().placements()) {
            Job job = placement.job();
            if (job instanceof InteractiveSlot slot) {
                requests += slot.requests();
            } else {
                runs.merge(job.name(), 1L, Long::sum);
            }
            input += job.tokens().input();
            output += job.tokens().output();
        }
        List<String> lines = new ArrayList<>();
        StringBuilder jobs = new StringBuilder("jobs: " + count(requests) + " interactive requests");
        runs.forEach((name, count) ->
                jobs.append(", ").append(count(count)).append(' ').append(name).append(" runs"));
        lines.add(jobs.toString());
        lines.add("tokens: " + millions(input) + " M input, " + millions(output) + " M output");
        if (!result.skipped().isEmpty()) {
            lines.add("left out of every policy: " + result.skipped().size() + " of "
                    + count(result.pricedJobs() + result.skipped().size())
                    + " jobs, which some policy would run over a gap in the real-time prices");
        }
        return lines;
    }

    /** The table: for each policy, total and energy cost, kWh, and the saving against the first. */
    public static String format(SavingsResult result) {
        StringBuilder table = new StringBuilder();
        table.append(String.format(
                Locale.ROOT, ROW, "#", "policy", "total $", "energy $", "kWh", "saving vs 1", "energy vs 1"));
        PolicyOutcome baseline = result.baseline();
        int number = 1;
        for (PolicyOutcome outcome : result.outcomes()) {
            Charge charge = outcome.charge();
            table.append(String.format(
                    Locale.ROOT,
                    ROW,
                    number++,
                    outcome.policy().label(),
                    decimal(charge.total(), 2),
                    decimal(charge.energy(), 2),
                    decimal(charge.kwh(), 1),
                    outcome.totalSavingPercent(baseline) + " %",
                    outcome.energySavingPercent(baseline) + " %"));
        }
        return table.toString();
    }

    /**
     * The electricity cost of each kind of job under each policy, one column per policy: where the
     * savings come from. Fixed costs do not depend on where or when work runs, so they are left out.
     */
    public static String energyByJob(SavingsResult result) {
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "%-18s", "energy $ by job"));
        for (int number = 1; number <= result.outcomes().size(); number++) {
            table.append(String.format(Locale.ROOT, "%10s", "policy " + number));
        }
        table.append(System.lineSeparator());
        for (String job : result.baseline().byJob().keySet()) {
            table.append(String.format(Locale.ROOT, "%-18s", job));
            for (PolicyOutcome outcome : result.outcomes()) {
                Charge charge = outcome.byJob().getOrDefault(job, Charge.NONE);
                table.append(String.format(Locale.ROOT, "%10s", decimal(charge.energy(), 2)));
            }
            table.append(System.lineSeparator());
        }
        return table.toString();
    }

    private static String count(long value) {
        return decimal(BigDecimal.valueOf(value), 0);
    }

    private static String millions(long tokens) {
        return decimal(BigDecimal.valueOf(tokens).movePointLeft(6), 1);
    }

    private static String decimal(BigDecimal value, int places) {
        DecimalFormat format = new DecimalFormat(places == 0 ? "#,##0" : "#,##0." + "0".repeat(places));
        format.setDecimalFormatSymbols(DecimalFormatSymbols.getInstance(Locale.ROOT));
        return format.format(value.setScale(places, RoundingMode.HALF_EVEN));
    }
}
