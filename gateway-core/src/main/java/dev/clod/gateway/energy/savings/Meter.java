package dev.clod.gateway.energy.savings;

import dev.clod.gateway.catalog.ListPrice;
import dev.clod.gateway.energy.EnergyPrice;
import dev.clod.gateway.energy.SitePricing;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Charges a run at the real-time prices of its site, whatever the policy expected them to be.
 *
 * <p>The run's tokens are processed evenly over it, so each real-time interval it overlaps carries
 * the share of the tokens that its overlap is of the run, priced with {@link SitePricing} at that
 * interval's price. Sums are exact; each run's dollars are rounded once, to {@value
 * SitePricing#SCALE} decimal places half-even. A run that overlaps a gap in the real-time prices
 * cannot be charged: what the electricity cost then is not known.
 */
public final class Meter {

    private static final int TOKENS_PER_MILLION_DIGITS = 6;

    private final SitePricing pricing;

    public Meter(SitePricing pricing) {
        this.pricing = Objects.requireNonNull(pricing, "pricing");
    }

    /** The pricing runs are charged with. */
    public SitePricing pricing() {
        return pricing;
    }

    /** What the run cost, or empty when part of it falls in a gap of its site's real-time prices. */
    public Optional<Charge> charge(Placement placement) {
        Site site = placement.site();
        TokenVolume tokens = placement.job().tokens();
        BigDecimal input = BigDecimal.valueOf(tokens.input());
        BigDecimal output = BigDecimal.valueOf(tokens.output());
        Instant end = placement.end();
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal energy = BigDecimal.ZERO;
        Instant covered = placement.start();
        for (EnergyPrice price : site.realTime().between(placement.start(), end)) {
            if (price.start().isAfter(covered)) {
                return Optional.empty();
            }
            Instant until = price.end().isBefore(end) ? price.end() : end;
            BigDecimal share =
                    BigDecimal.valueOf(Duration.between(covered, until).toNanos());
            ListPrice charged = pricing.priceAt(site.pue(), price);
            ListPrice electricity = pricing.energyCostAt(site.pue(), price.usdPerMwh());
            total = total.add(tokenCost(input, output, charged).multiply(share));
            energy = energy.add(tokenCost(input, output, electricity).multiply(share));
            covered = until;
        }
        if (covered.isBefore(end)) {
            return Optional.empty();
        }
        BigDecimal runNanos =
                BigDecimal.valueOf(placement.job().runLength().toNanos()).movePointRight(TOKENS_PER_MILLION_DIGITS);
        BigDecimal kwh = input.multiply(pricing.energy().kwhPer1mInput())
                .add(output.multiply(pricing.energy().kwhPer1mOutput()))
                .multiply(site.pue())
                .movePointLeft(TOKENS_PER_MILLION_DIGITS);
        return Optional.of(new Charge(dollars(total, runNanos), dollars(energy, runNanos), kwh));
    }

    private static BigDecimal tokenCost(BigDecimal input, BigDecimal output, ListPrice per1m) {
        return input.multiply(per1m.inputPer1m()).add(output.multiply(per1m.outputPer1m()));
    }

    private static BigDecimal dollars(BigDecimal weighted, BigDecimal divisor) {
        return weighted.divide(divisor, SitePricing.SCALE, RoundingMode.HALF_EVEN);
    }
}
