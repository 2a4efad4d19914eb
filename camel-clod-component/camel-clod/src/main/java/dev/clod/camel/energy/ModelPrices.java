package dev.clod.camel.energy;

import dev.clod.gateway.pricing.BlendedPrice;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * One model's price at every site that serves it by energy, now: the body of {@code
 * clod:prices?model=…}.
 *
 * @param model the model's id
 * @param asOf the instant of the prices
 * @param sites cheapest first, by the blend of three input tokens to one output token; equal prices
 *     keep the sites' configuration order
 */
public record ModelPrices(String model, Instant asOf, List<ModelSitePrice> sites) {

    public ModelPrices {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(asOf, "asOf");
        sites = List.copyOf(sites);
        if (sites.isEmpty()) {
            throw new IllegalArgumentException("a model priced by energy is served at one site at least");
        }
    }

    /** Where the model is cheapest now. */
    public ModelSitePrice cheapest() {
        return sites.get(0);
    }

    /** The model's prices in a snapshot of every site, or null when no site serves it by energy. */
    static ModelPrices of(String modelId, EnergySnapshot snapshot) {
        List<ModelSitePrice> prices = new ArrayList<>();
        for (SitePrices site : snapshot.sites()) {
            for (SiteModelPrice price : site.models()) {
                if (price.model().equals(modelId)) {
                    prices.add(new ModelSitePrice(
                            site.site(), price.deployment(), site.usdPerMwh(), site.status(), price.pricePer1m()));
                }
            }
        }
        if (prices.isEmpty()) {
            return null;
        }
        // A stable sort: equal prices stay in configuration order.
        prices.sort(Comparator.comparing(ModelSitePrice::pricePer1m, BlendedPrice.ORDER));
        return new ModelPrices(modelId, snapshot.asOf(), prices);
    }
}
