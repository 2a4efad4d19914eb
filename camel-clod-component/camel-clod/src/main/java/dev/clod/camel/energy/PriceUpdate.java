package dev.clod.camel.energy;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Some sites' prices changed.
 *
 * @param asOf the instant of the new prices
 * @param changed the sites whose price, status or start changed, in configuration order
 */
public record PriceUpdate(Instant asOf, List<SitePrices> changed) {

    public PriceUpdate {
        Objects.requireNonNull(asOf, "asOf");
        changed = List.copyOf(changed);
    }
}
