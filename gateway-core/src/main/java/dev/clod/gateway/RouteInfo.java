package dev.clod.gateway;

import dev.clod.gateway.catalog.Deployment;
import dev.clod.gateway.catalog.Model;
import dev.clod.gateway.routing.RouteDecision;
import dev.clod.gateway.routing.Strategy;
import java.time.Instant;

/**
 * Where a request went and why: the resolved model, the deployment that answered, the strategy
 * applied, the router's full decision, how many deployments were tried, and the instant of the prices
 * the deployments were ranked and billed at (the energy clock's, which may replay the past).
 */
public record RouteInfo(
        String requestId,
        Model model,
        Deployment deployment,
        Strategy strategy,
        RouteDecision decision,
        int attempt,
        Instant pricedAt) {

    public String providerId() {
        return deployment.providerId();
    }

    /** The data center that served the request, or null for a third party's cloud. */
    public String site() {
        return deployment.site();
    }
}
