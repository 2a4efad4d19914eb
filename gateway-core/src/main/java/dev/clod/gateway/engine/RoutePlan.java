package dev.clod.gateway.engine;

import dev.clod.gateway.catalog.Model;
import dev.clod.gateway.routing.RouteDecision;
import dev.clod.gateway.routing.Strategy;
import java.util.Map;

/**
 * The outcome of routing one request: the ranked deployments to try, in order, and the models they
 * serve (several, for a bare {@code @tag} over the whole catalog).
 */
record RoutePlan(String requestedModel, Strategy strategy, RouteDecision decision, Map<String, Model> modelsById) {

    Model modelOf(String modelId) {
        return modelsById.get(modelId);
    }
}
