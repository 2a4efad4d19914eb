package dev.clod.gateway.energy;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The electricity a hosted deployment draws at the servers (before the site's PUE), per million tokens.
 *
 * @param kwhPer1mInput kilowatt-hours per million input (prompt) tokens; never negative
 * @param kwhPer1mOutput kilowatt-hours per million output (completion) tokens; never negative
 */
public record EnergyProfile(BigDecimal kwhPer1mInput, BigDecimal kwhPer1mOutput) {

    public EnergyProfile {
        Objects.requireNonNull(kwhPer1mInput, "kwhPer1mInput");
        Objects.requireNonNull(kwhPer1mOutput, "kwhPer1mOutput");
        if (kwhPer1mInput.signum() < 0 || kwhPer1mOutput.signum() < 0) {
            throw new IllegalArgumentException(
                    "energy per million tokens is never negative: " + kwhPer1mInput + ", " + kwhPer1mOutput);
        }
    }
}
