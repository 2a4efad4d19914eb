package dev.clod.camel;

import dev.clod.gateway.RouteInfo;
import java.net.http.HttpHeaders;
import org.apache.camel.Message;

/**
 * Where a request was served, as both modes learn it: from the embedded gateway's {@link RouteInfo} or
 * from a server's {@code x-clod-*} response headers. Every field but {@code requestId} may be null.
 */
record RouteHeaders(
        String requestId,
        String model,
        String provider,
        String deployment,
        String site,
        String strategy,
        String route,
        String pricedAt) {

    static RouteHeaders of(RouteInfo route) {
        return new RouteHeaders(
                route.requestId(),
                route.model().id(),
                route.providerId(),
                route.deployment().id(),
                route.site(),
                route.strategy().label(),
                route.decision().header(),
                route.pricedAt().toString());
    }

    static RouteHeaders of(HttpHeaders headers) {
        return new RouteHeaders(
                headers.firstValue("x-request-id").orElse(null),
                headers.firstValue("x-clod-model").orElse(null),
                headers.firstValue("x-clod-provider").orElse(null),
                headers.firstValue("x-clod-deployment").orElse(null),
                headers.firstValue("x-clod-site").orElse(null),
                headers.firstValue("x-clod-strategy").orElse(null),
                headers.firstValue("x-clod-route").orElse(null),
                headers.firstValue("x-clod-priced-at").orElse(null));
    }

    void applyTo(Message message) {
        put(message, ClodConstants.REQUEST_ID, requestId);
        put(message, ClodConstants.RESOLVED_MODEL, model);
        put(message, ClodConstants.PROVIDER, provider);
        put(message, ClodConstants.DEPLOYMENT, deployment);
        put(message, ClodConstants.SITE, site);
        put(message, ClodConstants.STRATEGY, strategy);
        put(message, ClodConstants.ROUTE, route);
        put(message, ClodConstants.PRICED_AT, pricedAt);
    }

    private static void put(Message message, String name, Object value) {
        if (value != null) {
            message.setHeader(name, value);
        }
    }
}
