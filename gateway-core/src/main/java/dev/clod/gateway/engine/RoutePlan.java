package dev.clod.gateway.engine;

import dev.clod.gateway.catalog.Deployment;
import dev.clod.gateway.catalog.Model;
import dev.clod.gateway.pricing.PriceBoard;
import dev.clod.gateway.pricing.PriceQuote;
import dev.clod.gateway.pricing.Pricer;
import dev.clod.gateway.routing.RouteDecision;
import dev.clod.gateway.routing.Strategy;
import java.util.Map;

/**
 * The outcome of routing one request: the ranked deployments to try, in order, and the models they
 * serve (several, for a bare {@code @tag} over the whole catalog), and the prices they were ranked at,
 * which are also the prices the request is billed at.
 */
record RoutePlan(
        String requestedModel,
        Strategy strategy,
        RouteDecision decision,
        Map<String, Model> modelsById,
        PriceBoard board) {

    /** The deployment's price as it was when the request was routed. */
    PriceQuote quote(Pricer pricer, Model model, Deployment deployment) {
        return pricer.quote(board, model, deployment);
    }

    Model modelOf(String modelId) {
        return modelsById.get(modelId);
    }
}
