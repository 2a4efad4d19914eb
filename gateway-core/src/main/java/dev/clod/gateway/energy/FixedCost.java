package dev.clod.gateway.energy;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What serving a million tokens costs apart from electricity (hardware, space, staff), in US dollars.
 *
 * @param input dollars per million input tokens; never negative
 * @param output dollars per million output tokens; never negative
 */
public record FixedCost(BigDecimal input, BigDecimal output) {

    public static final FixedCost NONE = new FixedCost(BigDecimal.ZERO, BigDecimal.ZERO);

    public FixedCost {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(output, "output");
        if (input.signum() < 0 || output.signum() < 0) {
            throw new IllegalArgumentException("fixed costs are never negative: " + input + ", " + output);
        }
    }
}
