package dev.clod.gateway.energy.savings;

import dev.clod.gateway.energy.EnergyPrice;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * Every job runs as soon as it is submitted, at the site whose tokens cost least at that instant: the
 * lowest real-time price, floored at zero as the pricing does, times the site's PUE. This is what a
 * router that prices each request now can do. Ties go to the site listed first.
 */
public final class CheapestSiteNowPolicy implements Policy {

    private final List<Site> sites;

    public CheapestSiteNowPolicy(List<Site> sites) {
        if (sites.isEmpty()) {
            throw new IllegalArgumentException("at least one site is needed");
        }
        this.sites = List.copyOf(sites);
    }

    @Override
    public String label() {
        return "cheapest site, at once";
    }

    /** Empty when no site has a real-time price at the submission instant. */
    @Override
    public Optional<Placement> place(Job job) {
        Site best = null;
        BigDecimal bestScore = null;
        for (Site site : sites) {
            Optional<EnergyPrice> now = site.realTime().at(job.submitted());
            if (now.isEmpty()) {
                continue;
            }
            BigDecimal score = now.get().usdPerMwh().max(BigDecimal.ZERO).multiply(site.pue());
            if (bestScore == null || score.compareTo(bestScore) < 0) {
                best = site;
                bestScore = score;
            }
        }
        return best == null ? Optional.empty() : Optional.of(new Placement(job, best, job.submitted()));
    }
}
