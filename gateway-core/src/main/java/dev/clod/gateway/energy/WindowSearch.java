package dev.clod.gateway.energy;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Finds the cheapest windows of a given length in a price series: where batch work that may wait
 * should run to finish before its deadline.
 *
 * <p>Prices are constant within each interval, so a window's average changes only where its start
 * or its end crosses an interval boundary; the cheapest window therefore starts at a boundary or ends
 * at one, and only those candidates are compared. A window that would cover a gap in the series (no
 * known price) is never proposed.
 */
public final class WindowSearch {

    private static final int AVERAGE_SCALE = 6;

    private WindowSearch() {}

    /**
     * The cheapest windows of {@code length} within {@code [earliest, deadline)}, best first, at most
     * {@code count}, none overlapping another. Ties go to the earlier window.
     */
    public static List<PriceWindow> cheapest(
            PriceTrace trace, Instant earliest, Instant deadline, Duration length, int count) {
        if (length.isZero() || length.isNegative()) {
            throw new IllegalArgumentException("a window has a positive length");
        }
        if (count < 1) {
            throw new IllegalArgumentException("ask for at least one window");
        }
        Instant latestStart = deadline.minus(length);
        if (latestStart.isBefore(earliest)) {
            return List.of();
        }
        List<PriceWindow> candidates = new ArrayList<>();
        for (Instant start : candidateStarts(trace, earliest, latestStart, length)) {
            average(trace, start, start.plus(length)).ifPresent(candidates::add);
        }
        candidates.sort(Comparator.comparing(PriceWindow::averageUsdPerMwh).thenComparing(PriceWindow::start));
        List<PriceWindow> chosen = new ArrayList<>();
        for (PriceWindow candidate : candidates) {
            if (chosen.size() == count) {
                break;
            }
            if (chosen.stream().noneMatch(candidate::overlaps)) {
                chosen.add(candidate);
            }
        }
        return chosen;
    }

    /**
     * The time-weighted average price over {@code [start, end)}, or empty when any part of it has no
     * known price.
     */
    public static Optional<PriceWindow> average(PriceTrace trace, Instant start, Instant end) {
        List<EnergyPrice> covering = trace.between(start, end);
        BigDecimal weighted = BigDecimal.ZERO;
        Instant covered = start;
        for (EnergyPrice price : covering) {
            Instant from = price.start().isAfter(covered) ? price.start() : covered;
            if (from.isAfter(covered)) {
                return Optional.empty();
            }
            Instant to = price.end().isBefore(end) ? price.end() : end;
            weighted = weighted.add(price.usdPerMwh()
                    .multiply(BigDecimal.valueOf(Duration.between(from, to).toMillis())));
            covered = to;
        }
        if (covered.isBefore(end)) {
            return Optional.empty();
        }
        BigDecimal average = weighted.divide(
                        BigDecimal.valueOf(Duration.between(start, end).toMillis()), MathContext.DECIMAL64)
                .setScale(AVERAGE_SCALE, RoundingMode.HALF_EVEN);
        return Optional.of(new PriceWindow(start, end, average));
    }

    private static TreeSet<Instant> candidateStarts(
            PriceTrace trace, Instant earliest, Instant latestStart, Duration length) {
        TreeSet<Instant> starts = new TreeSet<>();
        starts.add(earliest);
        starts.add(latestStart);
        for (EnergyPrice price : trace.between(earliest, latestStart.plus(length))) {
            addIfWithin(starts, price.start(), earliest, latestStart);
            addIfWithin(starts, price.end().minus(length), earliest, latestStart);
        }
        return starts;
    }

    private static void addIfWithin(TreeSet<Instant> starts, Instant start, Instant earliest, Instant latestStart) {
        if (!start.isBefore(earliest) && !start.isAfter(latestStart)) {
            starts.add(start);
        }
    }
}
