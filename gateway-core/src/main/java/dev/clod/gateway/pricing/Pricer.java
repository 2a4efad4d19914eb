package dev.clod.gateway.pricing;

import dev.clod.gateway.catalog.Deployment;
import dev.clod.gateway.catalog.DeploymentPricing;
import dev.clod.gateway.catalog.ListPrice;
import dev.clod.gateway.catalog.Model;
import java.math.BigDecimal;

/**
 * Prices deployments: proxied models at the upstream's list price plus the routing fee, hosted models
 * at their configured price or from their site's electricity price on the board, free models at
 * nothing to the caller (but at what they cost us, for routing).
 */
public final class Pricer {

    /** The routing fee on proxied models: 5% of the upstream's list price. */
    public static final BigDecimal ROUTING_FEE = new BigDecimal("0.05");

    /** The price of one deployment of a model at the board's instant. */
    public PriceQuote quote(PriceBoard board, Model model, Deployment deployment) {
        return quoteAt(model, deployment, board.priceOf(deployment));
    }

    /**
     * The deployment's price if its upstream (or its site) charged {@code price} per million tokens:
     * for pricing the past from history, or an expected price ahead.
     */
    public PriceQuote quoteAt(Model model, Deployment deployment, ListPrice price) {
        EnergyUse energy = null;
        if (deployment.pricing() instanceof DeploymentPricing.EnergyBased based) {
            BigDecimal pue = based.site().pue();
            energy = new EnergyUse(
                    based.pricing().energy().kwhPer1mInput().multiply(pue),
                    based.pricing().energy().kwhPer1mOutput().multiply(pue));
        }
        return switch (model.category()) {
            case PROXIED -> new PriceQuote(price, ROUTING_FEE, true, energy);
            case HOSTED -> new PriceQuote(price, BigDecimal.ZERO, true, energy);
            case FREE -> new PriceQuote(price, BigDecimal.ZERO, false, energy);
        };
    }
}
