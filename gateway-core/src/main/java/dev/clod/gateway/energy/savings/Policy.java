package dev.clod.gateway.energy.savings;

import java.util.Optional;

/**
 * A way of deciding where and when each job runs. The report charges the same jobs under each policy
 * and compares what they cost.
 */
public sealed interface Policy permits FixedSitePolicy, CheapestSiteNowPolicy, ForecastWindowPolicy, HindsightPolicy {

    /** A short description for tables and legends, such as {@code cheapest site, at once}. */
    String label();

    /** Where and when the job runs; empty when this policy finds no site with a price to decide on. */
    Optional<Placement> place(Job job);
}
