package dev.clod.examples.tools;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The currency tool's data: fixed, illustrative exchange rates (units of each currency per US dollar),
 * so the example runs offline. They are not market rates; a real tool would fetch today's.
 */
public final class ReferenceRates {

    /** One conversion, as the tool returns it. */
    public record Conversion(
            BigDecimal amount, String from, String to, BigDecimal rate, BigDecimal result, String source) {}

    private static final Map<String, BigDecimal> PER_USD = new LinkedHashMap<>();

    static {
        PER_USD.put("EUR", new BigDecimal("0.92"));
        PER_USD.put("USD", new BigDecimal("1"));
        PER_USD.put("GBP", new BigDecimal("0.79"));
        PER_USD.put("CHF", new BigDecimal("0.88"));
        PER_USD.put("JPY", new BigDecimal("151.5"));
    }

    private ReferenceRates() {}

    /** The ISO 4217 codes the tool converts between. */
    public static List<String> currencies() {
        return List.copyOf(PER_USD.keySet());
    }

    /**
     * Converts through the dollar: {@code amount / perUsd(from) * perUsd(to)}, rounded to the target
     * currency's usual number of decimals.
     *
     * @throws IllegalArgumentException for an unknown currency or an amount that is not positive
     */
    public static Conversion convert(BigDecimal amount, String from, String to) {
        if (amount.signum() <= 0) {
            throw new IllegalArgumentException("amount must be positive, got " + amount.toPlainString());
        }
        BigDecimal rate = perUsd(to).divide(perUsd(from), 6, RoundingMode.HALF_EVEN);
        int decimals = Currency.getInstance(to).getDefaultFractionDigits();
        BigDecimal result = amount.multiply(perUsd(to)).divide(perUsd(from), decimals, RoundingMode.HALF_EVEN);
        return new Conversion(amount, from, to, rate.stripTrailingZeros(), result, "illustrative fixed rates");
    }

    private static BigDecimal perUsd(String currency) {
        BigDecimal perUsd = PER_USD.get(currency);
        if (perUsd == null) {
            throw new IllegalArgumentException(
                    "unknown currency '" + currency + "'; the known ones are " + String.join(", ", currencies()));
        }
        return perUsd;
    }
}
