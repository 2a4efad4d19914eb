package dev.clod.gateway;

import dev.clod.gateway.catalog.Deployment;
import dev.clod.gateway.catalog.Model;
import dev.clod.gateway.routing.RouteDecision;
import dev.clod.gateway.routing.Strategy;

/**
 * Where a request went and why: the resolved model, the deployment that answered, the strategy
 * applied, the router's full decision, and how many deployments were tried.
 */
public record RouteInfo(
        String requestId, Model model, Deployment deployment, Strategy strategy, RouteDecision decision, int attempt) {

    public String providerId() {
        return deployment.providerId();
    }

    /** The data center that served the request, or null for a third party's cloud. */
    public String site() {
        return deployment.site();
    }
}
