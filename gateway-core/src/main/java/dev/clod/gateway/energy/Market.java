package dev.clod.gateway.energy;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The wholesale market a price was settled in, with the short code the CSV traces use. */
public enum Market {
    /** Real-time (balancing) prices: what energy actually cost in that interval. */
    REAL_TIME("rt"),
    /** Day-ahead prices, published the day before: a forecast the market committed to. */
    DAY_AHEAD("da");

    private final String code;

    Market(String code) {
        this.code = code;
    }

    /** The code used in trace files and configuration: {@code rt} or {@code da}. */
    public String code() {
        return code;
    }

    /** The market with this code (exact, lower case), if any. */
    public static Optional<Market> fromCode(String code) {
        return Arrays.stream(values()).filter(m -> m.code.equals(code)).findFirst();
    }

    /** The valid codes, for error messages: {@code rt, da}. */
    public static String validCodes() {
        return Arrays.stream(values()).map(Market::code).collect(Collectors.joining(", "));
    }
}
