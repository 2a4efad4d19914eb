package dev.clod.gateway.routing;

import dev.clod.gateway.catalog.Deployment;
import java.math.BigDecimal;

/**
 * A candidate as the router saw it: the figures it compared and the score they gave.
 *
 * @param ttftMillis decayed average time to first token; the declared expectation when not measured
 *     (see {@link Router#expect}); 0 when neither is known
 * @param ttftMeasured false when the deployment has no recent samples: it was scored on its declared
 *     expectation, or else on the optimistic prior
 * @param tokensPerSecond decayed average output rate; the declared expectation when not measured; 0
 *     when neither is known
 * @param tokenRateMeasured false when the deployment has no recent samples
 * @param score sum of the strategy's normalised objectives, each in [0, 1]; lower is better. Healthy and
 *     cooling candidates are normalised separately, so scores compare only within each group.
 * @param coolingDown the deployment failed recently; it is ranked after every healthy candidate
 */
public record ScoredCandidate(
        Deployment deployment,
        BigDecimal expectedCostUsd,
        double ttftMillis,
        boolean ttftMeasured,
        double tokensPerSecond,
        boolean tokenRateMeasured,
        double score,
        boolean coolingDown) {}
