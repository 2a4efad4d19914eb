package dev.clod.gateway.routing;

import dev.clod.gateway.catalog.Deployment;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * A deployment able to serve the request, priced for it.
 *
 * @param expectedCostUsd what this request is expected to cost on this deployment. The router only
 *     compares costs, so it reads them as doubles; a modest scale (say 12 decimals) keeps that cheap.
 */
public record Candidate(Deployment deployment, BigDecimal expectedCostUsd) {

    public Candidate {
        Objects.requireNonNull(deployment, "deployment");
        Objects.requireNonNull(expectedCostUsd, "expectedCostUsd");
    }
}
