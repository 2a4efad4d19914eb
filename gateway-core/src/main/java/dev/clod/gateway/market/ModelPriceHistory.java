package dev.clod.gateway.market;

import dev.clod.gateway.catalog.Model;
import java.time.Instant;
import java.util.List;

/**
 * A model's price over a window: the cheapest site's at every moment, and each site's.
 *
 * @param cheapest a step series that changes whenever the cheapest site or its price does
 * @param sites one series per energy-priced deployment, in catalog order
 */
public record ModelPriceHistory(
        Model model, Instant from, Instant to, List<PricePoint> cheapest, List<SiteSeries> sites) {

    public ModelPriceHistory {
        cheapest = List.copyOf(cheapest);
        sites = List.copyOf(sites);
    }
}
