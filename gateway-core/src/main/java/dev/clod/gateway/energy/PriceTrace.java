package dev.clod.gateway.energy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An immutable, time-sorted price series for one location in one market.
 *
 * <p>Each row of a trace gives the price from its start instant. Its end is the start plus the
 * series' resolution, cut short at the next row's start if that comes sooner, so intervals never
 * overlap. Missing rows stay missing: an instant in a gap has no price, because inventing one would
 * hide a hole in the published data.
 *
 * <p>The resolution is the most common step between consecutive starts (5, 15 or 60 minutes in the
 * shipped data; gaps are rare, so they cannot outvote the native step). On a tie the shorter step
 * wins. A series of a single row has no step to measure and is taken as hourly.
 */
public final class PriceTrace {

    /** The resolution of a series with a single row. */
    public static final Duration DEFAULT_RESOLUTION = Duration.ofHours(1);

    private final TraceKey key;
    private final Duration resolution;
    private final Instant[] starts;
    private final Instant[] ends;
    private final List<EnergyPrice> prices;

    private PriceTrace(TraceKey key, Duration resolution, TreeMap<Instant, BigDecimal> sorted) {
        this.key = key;
        this.resolution = resolution;
        int n = sorted.size();
        this.starts = sorted.keySet().toArray(new Instant[0]);
        this.ends = new Instant[n];
        List<EnergyPrice> built = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Instant end = starts[i].plus(resolution);
            if (i + 1 < n && starts[i + 1].isBefore(end)) {
                end = starts[i + 1];
            }
            ends[i] = end;
            built.add(new EnergyPrice(key.location(), key.market(), starts[i], end, sorted.get(starts[i])));
        }
        this.prices = List.copyOf(built);
    }

    /**
     * A trace from prices keyed by interval start, in any order, with the resolution inferred.
     *
     * @throws IllegalArgumentException if there are no prices
     */
    public static PriceTrace of(TraceKey key, Map<Instant, BigDecimal> pricesByStart) {
        TreeMap<Instant, BigDecimal> sorted = sortedCopy(key, pricesByStart);
        return new PriceTrace(key, inferResolution(sorted.keySet().toArray(new Instant[0])), sorted);
    }

    /**
     * A trace from prices keyed by interval start, in any order, at a known resolution.
     *
     * @throws IllegalArgumentException if there are no prices or the resolution is not positive
     */
    public static PriceTrace of(TraceKey key, Map<Instant, BigDecimal> pricesByStart, Duration resolution) {
        Objects.requireNonNull(resolution, "resolution");
        if (resolution.isNegative() || resolution.isZero()) {
            throw new IllegalArgumentException("resolution must be positive: " + resolution);
        }
        return new PriceTrace(key, resolution, sortedCopy(key, pricesByStart));
    }

    /**
     * The most common step between consecutive sorted starts; on a tie the shorter one; {@link
     * #DEFAULT_RESOLUTION} when there is no step.
     */
    static Duration inferResolution(Instant[] sortedStarts) {
        Map<Duration, Integer> counts = new HashMap<>();
        for (int i = 1; i < sortedStarts.length; i++) {
            counts.merge(Duration.between(sortedStarts[i - 1], sortedStarts[i]), 1, Integer::sum);
        }
        Duration best = DEFAULT_RESOLUTION;
        int bestCount = 0;
        for (Map.Entry<Duration, Integer> e : counts.entrySet()) {
            int count = e.getValue();
            if (count > bestCount || (count == bestCount && e.getKey().compareTo(best) < 0)) {
                best = e.getKey();
                bestCount = count;
            }
        }
        return best;
    }

    private static TreeMap<Instant, BigDecimal> sortedCopy(TraceKey key, Map<Instant, BigDecimal> pricesByStart) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(pricesByStart, "pricesByStart");
        if (pricesByStart.isEmpty()) {
            throw new IllegalArgumentException("a price trace needs at least one price: " + key);
        }
        TreeMap<Instant, BigDecimal> sorted = new TreeMap<>();
        pricesByStart.forEach((start, price) ->
                sorted.put(Objects.requireNonNull(start, "start"), Objects.requireNonNull(price, "price at " + start)));
        return sorted;
    }

    /** The location and market of every price in this trace. */
    public TraceKey key() {
        return key;
    }

    /** The native step of the series, inferred or given. */
    public Duration resolution() {
        return resolution;
    }

    /** Every price, sorted by start. */
    public List<EnergyPrice> prices() {
        return prices;
    }

    /** The number of intervals (rows). */
    public int size() {
        return prices.size();
    }

    /** The start of the first interval. */
    public Instant start() {
        return starts[0];
    }

    /** The end of the last interval. */
    public Instant end() {
        return ends[ends.length - 1];
    }

    /**
     * The price whose interval contains the instant; empty before the first interval, after the last,
     * or in a gap. O(log n).
     */
    public Optional<EnergyPrice> at(Instant instant) {
        Objects.requireNonNull(instant, "instant");
        int found = Arrays.binarySearch(starts, instant);
        int index = found >= 0 ? found : -found - 2; // the last start at or before the instant
        if (index < 0 || !instant.isBefore(ends[index])) {
            return Optional.empty();
        }
        return Optional.of(prices.get(index));
    }

    /**
     * The last price that started at or before the instant, whether or not its interval still runs:
     * the price a site last knew. Empty before the first interval. O(log n).
     */
    public Optional<EnergyPrice> latestAtOrBefore(Instant instant) {
        Objects.requireNonNull(instant, "instant");
        int found = Arrays.binarySearch(starts, instant);
        int index = found >= 0 ? found : -found - 2;
        return index < 0 ? Optional.empty() : Optional.of(prices.get(index));
    }

    /** The first price that starts after the instant, if the series has one. O(log n). */
    public Optional<EnergyPrice> nextAfter(Instant instant) {
        Objects.requireNonNull(instant, "instant");
        int found = Arrays.binarySearch(starts, instant);
        int index = found >= 0 ? found + 1 : -found - 1;
        return index < starts.length ? Optional.of(prices.get(index)) : Optional.empty();
    }

    /**
     * The prices whose intervals overlap {@code [from, to)}, sorted by start; empty when {@code from}
     * equals {@code to}.
     *
     * @throws IllegalArgumentException if {@code to} is before {@code from}
     */
    public List<EnergyPrice> between(Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("'to' " + to + " is before 'from' " + from);
        }
        if (from.equals(to)) {
            return List.of(); // an empty range overlaps nothing, not even the interval around it
        }
        int first = firstAfter(ends, from); // the first interval still running after 'from'
        int last = firstAtOrAfter(starts, to); // the first interval starting at or after 'to'
        return first < last ? prices.subList(first, last) : List.of();
    }

    private static int firstAfter(Instant[] sorted, Instant instant) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid].isAfter(instant)) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    private static int firstAtOrAfter(Instant[] sorted, Instant instant) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid].isBefore(instant)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    @Override
    public String toString() {
        return "PriceTrace[" + key + ", " + size() + " prices, " + resolution + ", " + start() + " to " + end() + "]";
    }
}
