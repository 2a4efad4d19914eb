package dev.clod.gateway.engine;

import dev.clod.gateway.RouteInfo;
import dev.clod.gateway.api.ClodException;
import dev.clod.gateway.api.Usage;
import dev.clod.gateway.catalog.Deployment;
import dev.clod.gateway.pricing.Cost;
import dev.clod.gateway.usage.UsageRecord;
import java.time.Duration;

/** Builds the usage record of a finished call. */
final class UsageRecords {

    private UsageRecords() {}

    static UsageRecord succeeded(
            Engine engine,
            RoutePlan plan,
            RouteInfo route,
            Usage usage,
            Cost cost,
            Duration timeToFirstToken,
            Duration duration,
            boolean stream) {
        Deployment deployment = route.deployment();
        return new UsageRecord(
                route.requestId(),
                engine.clock().instant(),
                plan.requestedModel(),
                route.model().id(),
                deployment.id(),
                deployment.providerId(),
                deployment.site(),
                plan.strategy().label(),
                usage,
                cost,
                timeToFirstToken,
                duration,
                stream,
                200,
                null);
    }

    /**
     * A call that ended in an error. {@code lastTried} is the deployment that failed last, or null when
     * none was reached; {@code route} is set when a stream had already started on it.
     */
    static UsageRecord failed(
            Engine engine,
            RoutePlan plan,
            String requestId,
            Deployment lastTried,
            ClodException error,
            Duration duration,
            boolean stream) {
        return new UsageRecord(
                requestId,
                engine.clock().instant(),
                plan.requestedModel(),
                lastTried == null ? null : lastTried.modelId(),
                lastTried == null ? null : lastTried.id(),
                lastTried == null ? null : lastTried.providerId(),
                lastTried == null ? null : lastTried.site(),
                plan.strategy().label(),
                Usage.ZERO,
                Cost.ZERO,
                null,
                duration,
                stream,
                error.status(),
                error.type());
    }
}
