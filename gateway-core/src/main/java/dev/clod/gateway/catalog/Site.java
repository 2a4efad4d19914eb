package dev.clod.gateway.catalog;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A data center that runs hosted deployments and pays its grid's wholesale electricity price.
 *
 * @param id the name providers refer to with {@code site:}
 * @param gridLocation the energy-feed location whose prices the site pays, such as {@code ercot-north}
 * @param pue power usage effectiveness: energy drawn by the whole site per unit drawn by its servers; at
 *     least 1
 */
public record Site(String id, String gridLocation, BigDecimal pue) {

    public Site {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(gridLocation, "gridLocation");
        Objects.requireNonNull(pue, "pue");
        if (pue.compareTo(BigDecimal.ONE) < 0) {
            throw new IllegalArgumentException("PUE is at least 1: " + pue);
        }
    }
}
