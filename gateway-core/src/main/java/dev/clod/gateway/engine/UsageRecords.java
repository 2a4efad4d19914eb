package dev.clod.gateway.engine;

import dev.clod.gateway.CallOptions;
import dev.clod.gateway.RouteInfo;
import dev.clod.gateway.api.ClodException;
import dev.clod.gateway.api.Usage;
import dev.clod.gateway.catalog.Deployment;
import dev.clod.gateway.pricing.Cost;
import dev.clod.gateway.usage.UsageRecord;
import java.math.BigDecimal;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the usage record of a finished call. */
final class UsageRecords {

    private static final Logger LOG = LoggerFactory.getLogger(UsageRecords.class);

    private UsageRecords() {}

    static UsageRecord succeeded(
            Engine engine,
            RoutePlan plan,
            CallOptions options,
            RouteInfo route,
            Usage usage,
            Cost cost,
            Duration timeToFirstToken,
            Duration duration,
            boolean stream) {
        Deployment deployment = route.deployment();
        BigDecimal energyKwh =
                plan.quote(engine.pricer(), route.model(), deployment).energyKwhOf(usage);
        return new UsageRecord(
                route.requestId(),
                engine.clock().instant(),
                options.keyId(),
                options.projectId(),
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
                null,
                energyKwh);
    }

    /**
     * A call that ended in an error. {@code lastTried} is the deployment that failed last, or null when
     * none was reached; {@code route} is set when a stream had already started on it.
     */
    static UsageRecord failed(
            Engine engine,
            RoutePlan plan,
            CallOptions options,
            Deployment lastTried,
            ClodException error,
            Duration duration,
            boolean stream) {
        return new UsageRecord(
                options.requestId(),
                engine.clock().instant(),
                options.keyId(),
                options.projectId(),
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

    /**
     * Records a failed request. Nothing waits for it: the caller gets the error either way, and a
     * sink that cannot keep the record says so in the log.
     */
    static void recordFailure(Engine engine, UsageRecord record) {
        engine.usage().record(record).whenComplete((recorded, notRecorded) -> {
            if (notRecorded != null) {
                LOG.error("the failed request {} could not be recorded", record.requestId(), notRecorded);
            }
        });
    }
}
