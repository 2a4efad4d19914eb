package dev.clod.gateway.routing;

import dev.clod.gateway.catalog.Deployment;
import dev.clod.gateway.catalog.ListPrice;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Deployments, candidates and a router on a fake clock, for routing tests. */
final class Fixtures {

    static final Instant START = Instant.parse("2025-01-06T12:00:00Z");

    private Fixtures() {}

    static Deployment deployment(String id) {
        int slash = id.indexOf('/');
        String model = slash < 0 ? id : id.substring(0, slash);
        String provider = slash < 0 ? "sim" : id.substring(slash + 1);
        return new Deployment(id, model, provider, model, null, ListPrice.FREE);
    }

    static Candidate candidate(String id, String costUsd) {
        return new Candidate(deployment(id), new BigDecimal(costUsd));
    }

    /** Candidates that all cost the same, so only measured objectives tell them apart. */
    static List<Candidate> sameCost(String... ids) {
        List<Candidate> candidates = new ArrayList<>();
        for (String id : ids) {
            candidates.add(candidate(id, "0.001"));
        }
        return candidates;
    }

    static void recordTtft(Router router, String id, long millis) {
        router.recordSuccess(id, Duration.ofMillis(millis), 0, null);
    }

    /** A throughput sample of {@code tokensPerSecond}, with no latency sample. */
    static void recordRate(Router router, String id, int tokensPerSecond) {
        router.recordSuccess(id, null, tokensPerSecond * 2, Duration.ofSeconds(2));
    }

    static List<String> rankedIds(RouteDecision decision) {
        List<String> ids = new ArrayList<>();
        for (ScoredCandidate candidate : decision.ranked()) {
            ids.add(candidate.deployment().id());
        }
        return ids;
    }
}
