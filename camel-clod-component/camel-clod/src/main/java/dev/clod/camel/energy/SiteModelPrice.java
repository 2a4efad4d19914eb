package dev.clod.camel.energy;

import dev.clod.gateway.catalog.ListPrice;
import java.util.Objects;

/**
 * What a million tokens of one model cost at one site now.
 *
 * @param model the model's id
 * @param deployment the deployment serving it there ({@code model/provider})
 * @param pricePer1m what a caller pays per million input and output tokens, in US dollars
 */
public record SiteModelPrice(String model, String deployment, ListPrice pricePer1m) {

    public SiteModelPrice {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(pricePer1m, "pricePer1m");
    }
}
