package dev.clod.gateway.energy.savings;

import java.util.Objects;
import java.util.Optional;

/** The baseline: every job runs at one site, as soon as it is submitted. */
public final class FixedSitePolicy implements Policy {

    private final Site site;

    public FixedSitePolicy(Site site) {
        this.site = Objects.requireNonNull(site, "site");
    }

    @Override
    public String label() {
        return "fixed site (" + site.id() + "), at once";
    }

    @Override
    public Optional<Placement> place(Job job) {
        return Optional.of(new Placement(job, site, job.submitted()));
    }
}
