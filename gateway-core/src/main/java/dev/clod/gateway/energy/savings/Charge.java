package dev.clod.gateway.energy.savings;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What running work cost.
 *
 * @param total the price charged: energy plus fixed cost, with the margin, in US dollars
 * @param energy the electricity alone, before fixed cost and margin, in US dollars
 * @param kwh the electricity drawn at the site, its overhead (PUE) included
 */
public record Charge(BigDecimal total, BigDecimal energy, BigDecimal kwh) {

    public static final Charge NONE = new Charge(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

    public Charge {
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(energy, "energy");
        Objects.requireNonNull(kwh, "kwh");
    }

    /** The cost of this work and the other together. */
    public Charge plus(Charge other) {
        return new Charge(total.add(other.total), energy.add(other.energy), kwh.add(other.kwh));
    }
}
