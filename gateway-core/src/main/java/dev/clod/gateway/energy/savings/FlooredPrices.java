package dev.clod.gateway.energy.savings;

import dev.clod.gateway.energy.EnergyPrice;
import dev.clod.gateway.energy.PriceTrace;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Price series with negative prices raised to zero. Pricing floors each interval's price (a site is
 * not paid to serve tokens), so a window's cost follows the average of floored prices, not the
 * floored average: windows are compared on these series.
 */
final class FlooredPrices {

    private FlooredPrices() {}

    /** The same intervals, gaps included, with every negative price replaced by zero. */
    static PriceTrace of(PriceTrace trace) {
        Map<Instant, BigDecimal> floored = new HashMap<>();
        for (EnergyPrice price : trace.prices()) {
            floored.put(price.start(), price.usdPerMwh().max(BigDecimal.ZERO));
        }
        return PriceTrace.of(trace.key(), floored, trace.resolution());
    }
}
