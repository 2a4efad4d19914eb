package dev.clod.gateway.energy.savings;

import dev.clod.gateway.energy.SitePricing;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Replays price traces against a workload and charges it under four policies: one fixed site at once
 * (the baseline), the cheapest site at once, the cheapest site and window as forecast when each job
 * was submitted, and the same with hindsight.
 *
 * <p>Pure: it reads nothing but the sites' traces it is given and no clock; the period is a
 * parameter. Every policy is charged for the same jobs. A job that some policy would run over a gap in
 * the real-time prices is left out of all of them and reported as skipped.
 */
public final class SavingsEngine {

    /** Days the seasonal forecast averages: a week, the better of the lengths measured on the data. */
    public static final int FORECAST_DAYS = 7;

    private final List<Policy> policies;
    private final Meter meter;

    /**
     * @param sites the sites jobs may run at, in order of preference on ties
     * @param fixedSiteId the baseline's site
     * @param pricing how a million tokens are priced from the electricity price
     * @throws IllegalArgumentException if no site has the id {@code fixedSiteId}
     */
    public SavingsEngine(List<Site> sites, String fixedSiteId, SitePricing pricing) {
        Objects.requireNonNull(fixedSiteId, "fixedSiteId");
        if (sites.isEmpty()) {
            throw new IllegalArgumentException("at least one site is needed");
        }
        Site fixed = sites.stream()
                .filter(site -> site.id().equals(fixedSiteId))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown site '" + fixedSiteId + "' (known: "
                        + sites.stream().map(Site::id).toList() + ")"));
        this.meter = new Meter(pricing);
        this.policies = List.of(
                new FixedSitePolicy(fixed),
                new CheapestSiteNowPolicy(sites),
                new ForecastWindowPolicy(sites, FORECAST_DAYS),
                new HindsightPolicy(sites, meter));
    }

    /** The policies, baseline first. */
    public List<Policy> policies() {
        return policies;
    }

    /** Charges the workload's jobs submitted in {@code [from, to)} under each policy. */
    public SavingsResult run(Workload workload, Instant from, Instant to) {
        return run(workload.jobs(from, to), from, to);
    }

    /** Charges the given jobs under each policy. */
    public SavingsResult run(List<Job> jobs, Instant from, Instant to) {
        List<Charge> totals = new ArrayList<>();
        List<List<Placement>> placements = new ArrayList<>();
        List<Map<String, Charge>> byJob = new ArrayList<>();
        for (int i = 0; i < policies.size(); i++) {
            totals.add(Charge.NONE);
            placements.add(new ArrayList<>());
            byJob.add(new LinkedHashMap<>());
        }
        List<Job> skipped = new ArrayList<>();
        int priced = 0;
        for (Job job : jobs) {
            List<Placement> chosen = new ArrayList<>();
            List<Charge> charges = new ArrayList<>();
            for (Policy policy : policies) {
                Optional<Placement> placement = policy.place(job);
                Optional<Charge> charge = placement.flatMap(meter::charge);
                if (charge.isEmpty()) {
                    break;
                }
                chosen.add(placement.get());
                charges.add(charge.get());
            }
            if (charges.size() < policies.size()) {
                skipped.add(job);
                continue;
            }
            priced++;
            for (int i = 0; i < policies.size(); i++) {
                totals.set(i, totals.get(i).plus(charges.get(i)));
                placements.get(i).add(chosen.get(i));
                byJob.get(i).merge(job.name(), charges.get(i), Charge::plus);
            }
        }
        List<PolicyOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < policies.size(); i++) {
            outcomes.add(new PolicyOutcome(policies.get(i), totals.get(i), placements.get(i), byJob.get(i)));
        }
        return new SavingsResult(from, to, outcomes, priced, skipped);
    }
}
