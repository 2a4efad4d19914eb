package dev.clod.gateway.pricing;

import dev.clod.gateway.catalog.ListPrice;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Comparator;

/**
 * One figure to rank token prices by where no request says how many tokens go each way: three input
 * tokens to one output token, the blend industry price comparisons commonly use for chat workloads.
 * Routing never uses it; it ranks each request by that request's own expected cost.
 */
public final class BlendedPrice {

    private static final BigDecimal THREE = BigDecimal.valueOf(3);
    private static final BigDecimal FOUR = BigDecimal.valueOf(4);

    /** Cheaper first. */
    public static final Comparator<ListPrice> ORDER = Comparator.comparing(BlendedPrice::of);

    private BlendedPrice() {}

    /** (3 × input + output) / 4, per million tokens. */
    public static BigDecimal of(ListPrice price) {
        return price.inputPer1m().multiply(THREE).add(price.outputPer1m()).divide(FOUR, MathContext.DECIMAL64);
    }
}
