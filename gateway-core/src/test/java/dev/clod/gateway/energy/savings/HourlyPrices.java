package dev.clod.gateway.energy.savings;

import dev.clod.gateway.energy.EnergyProfile;
import dev.clod.gateway.energy.FixedCost;
import dev.clod.gateway.energy.Market;
import dev.clod.gateway.energy.PriceTrace;
import dev.clod.gateway.energy.SitePricing;
import dev.clod.gateway.energy.TraceKey;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Small hand-made hourly price series for the savings tests, counted in hours from {@link #T0}. */
final class HourlyPrices {

    static final Instant T0 = Instant.parse("2024-08-10T00:00:00Z");

    /**
     * Pricing with round figures: 1 kWh per million input tokens and 2 per million output, fixed costs
     * of 0.5 and 1 dollar per million, a 10% margin. A job of {@link #JOB_TOKENS} then draws 2 kWh at the
     * servers and costs {@code (2 × pue × lmp / 1000 + 1) × 1.1} dollars at a constant price.
     */
    static final SitePricing PRICING = new SitePricing(
            new EnergyProfile(BigDecimal.ONE, new BigDecimal("2")),
            new FixedCost(new BigDecimal("0.5"), BigDecimal.ONE),
            new BigDecimal("0.1"));

    static final TokenVolume JOB_TOKENS = new TokenVolume(1_000_000, 500_000);

    private final TraceKey key;
    private final Map<Instant, BigDecimal> prices = new HashMap<>();

    private HourlyPrices(String location, Market market) {
        this.key = new TraceKey(location, market);
    }

    static HourlyPrices realTime(String location) {
        return new HourlyPrices(location, Market.REAL_TIME);
    }

    static HourlyPrices dayAhead(String location) {
        return new HourlyPrices(location, Market.DAY_AHEAD);
    }

    static Instant hour(int hours) {
        return T0.plus(Duration.ofHours(hours));
    }

    /** The same price for every hour in {@code [from, to)}. */
    HourlyPrices flat(int from, int to, String price) {
        for (int h = from; h < to; h++) {
            prices.put(hour(h), new BigDecimal(price));
        }
        return this;
    }

    /** Consecutive hourly prices starting at hour {@code from}. */
    HourlyPrices from(int from, String... values) {
        for (int i = 0; i < values.length; i++) {
            prices.put(hour(from + i), new BigDecimal(values[i]));
        }
        return this;
    }

    /** Removes the hours in {@code [from, to)}: a gap in the published data. */
    HourlyPrices gap(int from, int to) {
        for (int h = from; h < to; h++) {
            prices.remove(hour(h));
        }
        return this;
    }

    /** Rewrites the prices of every hour starting at or after {@code from}. */
    HourlyPrices rewriteFrom(int from, UnaryOperator<BigDecimal> rewrite) {
        prices.replaceAll((start, price) -> start.isBefore(hour(from)) ? price : rewrite.apply(price));
        return this;
    }

    PriceTrace trace() {
        return PriceTrace.of(key, prices, Duration.ofHours(1));
    }
}
