package dev.clod.gateway.energy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clod.gateway.catalog.ListPrice;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SitePricingTest {

    private static final EnergyProfile LLAMA_8B = profile("0.004", "0.035");
    private static final FixedCost LLAMA_FIXED = new FixedCost(dec("0.02"), dec("0.05"));

    static Stream<Arguments> prices() {
        return Stream.of(
                // profile, fixed, margin, pue, lmp -> input, output
                Arguments.of(LLAMA_8B, LLAMA_FIXED, "0.25", "1.2", "50", "0.0253000000", "0.0651250000"),
                Arguments.of(LLAMA_8B, LLAMA_FIXED, "0", "1.2", "96.97", "0.0204654560", "0.0540727400"),
                // negative wholesale price: the energy part is zero, fixed cost and margin remain
                Arguments.of(LLAMA_8B, LLAMA_FIXED, "0.25", "1.2", "-16.04", "0.0250000000", "0.0625000000"),
                Arguments.of(LLAMA_8B, LLAMA_FIXED, "0.25", "1.2", "0", "0.0250000000", "0.0625000000"),
                Arguments.of(LLAMA_8B, FixedCost.NONE, "0", "1.1", "4853.08", "0.0213535520", "0.1868435800"),
                Arguments.of(LLAMA_8B, FixedCost.NONE, "1", "1.1", "4853.08", "0.0427071040", "0.3736871600"),
                Arguments.of(LLAMA_8B, FixedCost.NONE, "0.5", "1.5", "-37.89", "0E-10", "0E-10"),
                // one rounding, half-even, at the tenth decimal: 5e-11 -> 0, 1.5e-10 -> 2e-10
                Arguments.of(profile("1", "1"), FixedCost.NONE, "0", "1", "0.00000005", "0E-10", "0E-10"),
                Arguments.of(profile("1", "1"), FixedCost.NONE, "0", "1", "0.00000015", "2E-10", "2E-10"),
                Arguments.of(profile("0", "0"), LLAMA_FIXED, "0.1", "1.3", "100", "0.0220000000", "0.0550000000"));
    }

    @ParameterizedTest(name = "margin {2}, pue {3}, lmp {4} -> {5} / {6}")
    @MethodSource("prices")
    void pricesPerMillionTokensExactly(
            EnergyProfile profile,
            FixedCost fixed,
            String margin,
            String pue,
            String lmp,
            String expectedInput,
            String expectedOutput) {
        ListPrice price = new SitePricing(profile, fixed, dec(margin)).priceAt(dec(pue), dec(lmp));

        // equals, not compareTo: the scale is part of the contract
        assertThat(price.inputPer1m()).isEqualTo(new BigDecimal(expectedInput).setScale(SitePricing.SCALE));
        assertThat(price.outputPer1m()).isEqualTo(new BigDecimal(expectedOutput).setScale(SitePricing.SCALE));
    }

    @Test
    void theEnergyPartAloneLeavesOutFixedCostAndMargin() {
        SitePricing pricing = new SitePricing(LLAMA_8B, LLAMA_FIXED, dec("0.25"));

        assertThat(pricing.energyCostAt(dec("1.2"), dec("50")))
                .isEqualTo(new ListPrice(dec("0.0002400000"), dec("0.0021000000")));
        assertThat(pricing.energyCostAt(dec("1.2"), dec("-5"))).isEqualTo(new ListPrice(dec("0E-10"), dec("0E-10")));
    }

    @Test
    void pricesAnIntervalByItsWholesalePrice() {
        EnergyPrice interval = new EnergyPrice(
                "ercot-north",
                Market.REAL_TIME,
                Instant.parse("2024-07-02T00:15:00Z"),
                Instant.parse("2024-07-02T00:30:00Z"),
                dec("96.97"));

        assertThat(new SitePricing(LLAMA_8B, LLAMA_FIXED, BigDecimal.ZERO).priceAt(dec("1.2"), interval))
                .isEqualTo(new ListPrice(dec("0.0204654560"), dec("0.0540727400")));
    }

    @Test
    void rejectsImpossibleInputs() {
        SitePricing pricing = new SitePricing(LLAMA_8B, LLAMA_FIXED, BigDecimal.ZERO);

        assertThatThrownBy(() -> pricing.priceAt(dec("0.9"), dec("50")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PUE");
        assertThatThrownBy(() -> new SitePricing(LLAMA_8B, LLAMA_FIXED, dec("-0.1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("margin");
        assertThatThrownBy(() -> profile("-0.004", "0.035")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FixedCost(dec("0.02"), dec("-0.05"))).isInstanceOf(IllegalArgumentException.class);
    }

    private static EnergyProfile profile(String input, String output) {
        return new EnergyProfile(dec(input), dec(output));
    }

    private static BigDecimal dec(String value) {
        return new BigDecimal(value);
    }
}
