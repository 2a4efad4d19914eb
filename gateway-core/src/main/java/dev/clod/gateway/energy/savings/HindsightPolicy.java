package dev.clod.gateway.energy.savings;

import dev.clod.gateway.energy.PriceTrace;
import dev.clod.gateway.energy.WindowSearch;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The same choice as {@link ForecastWindowPolicy}, made with the real-time prices themselves: what
 * perfect knowledge of the future would have saved, a bound no policy that runs each job in one piece
 * at one site can beat. Interactive work runs at once at the site that turned out cheapest over its
 * slot; a batch job runs in the cheapest window of each site before its deadline ({@link
 * WindowSearch}, never over a gap), at the site where that window costs least. Ties go to the site
 * listed first. Empty when no site has real-time prices for any possible run.
 */
public final class HindsightPolicy implements Policy {

    private final List<Site> sites;
    private final Meter meter;
    private final Map<String, PriceTrace> floored = new HashMap<>();

    public HindsightPolicy(List<Site> sites, Meter meter) {
        this.sites = List.copyOf(sites);
        this.meter = Objects.requireNonNull(meter, "meter");
        for (Site site : this.sites) {
            floored.put(site.id(), FlooredPrices.of(site.realTime()));
        }
    }

    @Override
    public String label() {
        return "hindsight optimum (lower bound)";
    }

    @Override
    public Optional<Placement> place(Job job) {
        List<Placement> candidates = new ArrayList<>();
        for (Site site : sites) {
            if (job instanceof BatchJob batch) {
                WindowSearch.cheapest(floored.get(site.id()), batch.submitted(), batch.deadline(), batch.runLength(), 1)
                        .forEach(window -> candidates.add(new Placement(job, site, window.start())));
            } else {
                candidates.add(new Placement(job, site, job.submitted()));
            }
        }
        // compare what each candidate is actually charged, so the bound is exact across sites
        Placement best = null;
        Charge bestCharge = null;
        for (Placement candidate : candidates) {
            Optional<Charge> charge = meter.charge(candidate);
            if (charge.isPresent()
                    && (bestCharge == null || charge.get().total().compareTo(bestCharge.total()) < 0)) {
                best = candidate;
                bestCharge = charge.get();
            }
        }
        return Optional.ofNullable(best);
    }
}
