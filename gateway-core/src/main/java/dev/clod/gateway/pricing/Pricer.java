package dev.clod.gateway.pricing;

import dev.clod.gateway.catalog.Deployment;
import dev.clod.gateway.catalog.Model;
import java.math.BigDecimal;

/**
 * Prices deployments: proxied models at the upstream's list price plus the routing fee, hosted models
 * at their configured price, free models at nothing to the caller.
 */
public final class Pricer {

    /** The routing fee on proxied models: 5% of the upstream's list price. */
    public static final BigDecimal ROUTING_FEE = new BigDecimal("0.05");

    /** The price of one deployment of a model now. */
    public PriceQuote quote(Model model, Deployment deployment) {
        return switch (model.category()) {
            case PROXIED -> new PriceQuote(deployment.price(), ROUTING_FEE, true);
            case HOSTED -> new PriceQuote(deployment.price(), BigDecimal.ZERO, true);
            case FREE -> new PriceQuote(deployment.price(), BigDecimal.ZERO, false);
        };
    }
}
