package dev.clod.gateway.pricing;

import dev.clod.gateway.api.Usage;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * The electricity a site draws for a million tokens of a deployment, its PUE included.
 *
 * @param kwhPer1mInput kWh per million input tokens at the site's meter
 * @param kwhPer1mOutput kWh per million output tokens at the site's meter
 */
public record EnergyUse(BigDecimal kwhPer1mInput, BigDecimal kwhPer1mOutput) {

    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);
    /** A millionth of a watt-hour: finer than any meter, coarse enough to keep ledger figures short. */
    private static final int KWH_SCALE = 12;

    public EnergyUse {
        Objects.requireNonNull(kwhPer1mInput, "kwhPer1mInput");
        Objects.requireNonNull(kwhPer1mOutput, "kwhPer1mOutput");
    }

    /** The kWh one request used. */
    public BigDecimal kwhOf(Usage usage) {
        return kwhPer1mInput
                .multiply(BigDecimal.valueOf(usage.promptTokens()))
                .add(kwhPer1mOutput.multiply(BigDecimal.valueOf(usage.completionTokens())))
                .divide(MILLION, MathContext.DECIMAL64)
                .setScale(KWH_SCALE, RoundingMode.HALF_EVEN)
                .stripTrailingZeros();
    }
}
