package dev.clod.gateway.usage;

import dev.clod.gateway.api.Usage;
import dev.clod.gateway.pricing.Cost;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One request as billed: what was asked, where it ran, what it consumed and cost, and how it ended.
 * Written once per request that reached a deployment, whether it succeeded or failed.
 *
 * @param keyId the calling API key's id, or null for the admin key and embedded callers
 * @param projectId the key's project, or null when it has none
 * @param model the resolved model id; null when the request failed before one was chosen
 * @param deploymentId the deployment that answered, or the last one tried when all failed
 * @param site the data center, or null for a third party's cloud
 * @param strategy the strategy's canonical label, e.g. {@code price+latency}
 * @param timeToFirstToken null when nothing was received
 * @param status the HTTP status the caller got: 200, or the error's status
 * @param errorType the error's type ({@code upstream_error}, …) or null on success
 * @param energyKwh the energy the request used, for hosted deployments; null when unknown
 */
public record UsageRecord(
        String requestId,
        Instant time,
        String keyId,
        String projectId,
        String requestedModel,
        String model,
        String deploymentId,
        String providerId,
        String site,
        String strategy,
        Usage usage,
        Cost cost,
        Duration timeToFirstToken,
        Duration duration,
        boolean stream,
        int status,
        String errorType,
        BigDecimal energyKwh) {

    /** A record without an energy figure, as for a third party's cloud. */
    public UsageRecord(
            String requestId,
            Instant time,
            String keyId,
            String projectId,
            String requestedModel,
            String model,
            String deploymentId,
            String providerId,
            String site,
            String strategy,
            Usage usage,
            Cost cost,
            Duration timeToFirstToken,
            Duration duration,
            boolean stream,
            int status,
            String errorType) {
        this(
                requestId,
                time,
                keyId,
                projectId,
                requestedModel,
                model,
                deploymentId,
                providerId,
                site,
                strategy,
                usage,
                cost,
                timeToFirstToken,
                duration,
                stream,
                status,
                errorType,
                null);
    }

    public UsageRecord {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(requestedModel, "requestedModel");
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(cost, "cost");
        Objects.requireNonNull(duration, "duration");
    }

    public boolean succeeded() {
        return errorType == null;
    }
}
