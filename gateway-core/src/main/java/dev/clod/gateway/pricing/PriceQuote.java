package dev.clod.gateway.pricing;

import dev.clod.gateway.api.Usage;
import dev.clod.gateway.catalog.ListPrice;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Objects;

/**
 * A deployment's price at one instant, per million tokens.
 *
 * @param upstream what the upstream (or our own site) charges
 * @param feeRate the routing fee as a fraction of the upstream price (0.05 for proxied models)
 * @param billed whether the caller pays at all; free models cost the caller nothing but are still
 *     routed by what they cost us
 * @param energy what a million tokens draw at the deployment's site, for hosted deployments with an
 *     energy profile; null otherwise
 */
public record PriceQuote(ListPrice upstream, BigDecimal feeRate, boolean billed, EnergyUse energy) {

    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    public PriceQuote {
        Objects.requireNonNull(upstream, "upstream");
        Objects.requireNonNull(feeRate, "feeRate");
    }

    /** A quote without an energy figure. */
    public PriceQuote(ListPrice upstream, BigDecimal feeRate, boolean billed) {
        this(upstream, feeRate, billed, null);
    }

    /** The kWh a finished request used at the site, or null when the deployment has no energy profile. */
    public BigDecimal energyKwhOf(Usage usage) {
        return energy == null ? null : energy.kwhOf(usage);
    }

    /** What the caller sees per million tokens: the upstream price with the fee, or zero if free. */
    public ListPrice userPrice() {
        return new ListPrice(userInputPer1m(), userOutputPer1m());
    }

    /** The price per million input tokens the caller sees (zero for free models). */
    public BigDecimal userInputPer1m() {
        return billed ? withFee(upstream.inputPer1m()) : BigDecimal.ZERO;
    }

    /** The price per million output tokens the caller sees (zero for free models). */
    public BigDecimal userOutputPer1m() {
        return billed ? withFee(upstream.outputPer1m()) : BigDecimal.ZERO;
    }

    /**
     * What routing by price compares: the expected cost of a request of this size, including the fee,
     * and for free models what serving it costs us.
     */
    public BigDecimal expectedCost(int inputTokens, int outputTokens) {
        BigDecimal upstreamCost =
                tokens(inputTokens, upstream.inputPer1m()).add(tokens(outputTokens, upstream.outputPer1m()));
        return withFee(upstreamCost);
    }

    /** The cost of a finished request. */
    public Cost costOf(Usage usage) {
        BigDecimal providerCost = tokens(usage.promptTokens(), upstream.inputPer1m())
                .add(tokens(usage.completionTokens(), upstream.outputPer1m()));
        if (!billed) {
            return new Cost(BigDecimal.ZERO, providerCost, BigDecimal.ZERO);
        }
        BigDecimal fee = providerCost.multiply(feeRate);
        return new Cost(providerCost.add(fee), providerCost, fee);
    }

    private BigDecimal withFee(BigDecimal amount) {
        return feeRate.signum() == 0 ? amount : amount.add(amount.multiply(feeRate));
    }

    private static BigDecimal tokens(int count, BigDecimal per1m) {
        return count == 0
                ? BigDecimal.ZERO
                : per1m.multiply(BigDecimal.valueOf(count)).divide(MILLION, MathContext.DECIMAL64);
    }
}
