package dev.clod.gateway.energy;

import dev.clod.gateway.catalog.ListPrice;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * The price of a hosted deployment at a site, per million tokens, from the wholesale electricity
 * price there:
 *
 * <pre>
 * energy_per_1m = kwh_per_1m × pue × max(0, lmp) / 1000        (lmp in $/MWh)
 * price_per_1m  = (energy_per_1m + fixed_per_1m) × (1 + margin)
 * </pre>
 *
 * for input and output tokens separately. A negative wholesale price is taken as zero: the site does
 * not get paid to serve tokens, and a price below the fixed cost would invite abuse.
 *
 * <p>Arithmetic is exact (the inputs are finite decimals, and products, sums and the division by 1000
 * need no rounding); each result is rounded once, to {@value #SCALE} decimal places half-even, which
 * keeps a millionth of a cent per million tokens and makes equal inputs give equal, comparable
 * results.
 *
 * @param energy the deployment's electricity use per million tokens
 * @param fixed the deployment's other costs per million tokens
 * @param margin the markup on cost as a fraction (0.2 for 20%); never negative
 */
public record SitePricing(EnergyProfile energy, FixedCost fixed, BigDecimal margin) {

    /** Decimal places of every price this class returns. */
    public static final int SCALE = 10;

    private static final int KWH_PER_MWH_DIGITS = 3;

    public SitePricing {
        Objects.requireNonNull(energy, "energy");
        Objects.requireNonNull(fixed, "fixed");
        Objects.requireNonNull(margin, "margin");
        if (margin.signum() < 0) {
            throw new IllegalArgumentException("margin is never negative: " + margin);
        }
    }

    /**
     * The price per million input and output tokens at a site with this PUE when electricity costs
     * {@code usdPerMwh}.
     *
     * @throws IllegalArgumentException if {@code pue} is below 1 (no site uses less than its servers)
     */
    public ListPrice priceAt(BigDecimal pue, BigDecimal usdPerMwh) {
        BigDecimal perKwh = usdPerKwhAtSite(pue, usdPerMwh);
        BigDecimal factor = BigDecimal.ONE.add(margin);
        return new ListPrice(
                round(energy.kwhPer1mInput().multiply(perKwh).add(fixed.input()).multiply(factor)),
                round(energy.kwhPer1mOutput()
                        .multiply(perKwh)
                        .add(fixed.output())
                        .multiply(factor)));
    }

    /** The price at a site with this PUE during one price interval. */
    public ListPrice priceAt(BigDecimal pue, EnergyPrice price) {
        return priceAt(pue, price.usdPerMwh());
    }

    /**
     * The electricity part alone, before fixed costs and margin: what the energy for a million tokens
     * costs at the site.
     *
     * @throws IllegalArgumentException if {@code pue} is below 1
     */
    public ListPrice energyCostAt(BigDecimal pue, BigDecimal usdPerMwh) {
        BigDecimal perKwh = usdPerKwhAtSite(pue, usdPerMwh);
        return new ListPrice(
                round(energy.kwhPer1mInput().multiply(perKwh)),
                round(energy.kwhPer1mOutput().multiply(perKwh)));
    }

    /** Dollars per kWh drawn by the servers, counting the site's overhead; exact. */
    private static BigDecimal usdPerKwhAtSite(BigDecimal pue, BigDecimal usdPerMwh) {
        Objects.requireNonNull(pue, "pue");
        Objects.requireNonNull(usdPerMwh, "usdPerMwh");
        if (pue.compareTo(BigDecimal.ONE) < 0) {
            throw new IllegalArgumentException("PUE is at least 1: " + pue);
        }
        return pue.multiply(usdPerMwh.max(BigDecimal.ZERO).movePointLeft(KWH_PER_MWH_DIGITS));
    }

    private static BigDecimal round(BigDecimal value) {
        return value.setScale(SCALE, RoundingMode.HALF_EVEN);
    }
}
