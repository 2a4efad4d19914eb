package dev.clod.gateway.pricing;

import java.util.List;

/**
 * Some sites' prices changed.
 *
 * @param board the prices after the change
 * @param changed the sites whose price or status changed, in configuration order
 */
public record PriceChange(PriceBoard board, List<SitePrice> changed) {

    public PriceChange {
        changed = List.copyOf(changed);
    }
}
