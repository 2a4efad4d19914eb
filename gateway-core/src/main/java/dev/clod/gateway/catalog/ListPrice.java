package dev.clod.gateway.catalog;

import java.math.BigDecimal;
import java.util.Objects;

/** A fixed price in US dollars per million input and output tokens. */
public record ListPrice(BigDecimal inputPer1m, BigDecimal outputPer1m) {

    public static final ListPrice FREE = new ListPrice(BigDecimal.ZERO, BigDecimal.ZERO);

    public ListPrice {
        Objects.requireNonNull(inputPer1m, "inputPer1m");
        Objects.requireNonNull(outputPer1m, "outputPer1m");
        if (inputPer1m.signum() < 0 || outputPer1m.signum() < 0) {
            throw new IllegalArgumentException("prices are never negative");
        }
    }
}
