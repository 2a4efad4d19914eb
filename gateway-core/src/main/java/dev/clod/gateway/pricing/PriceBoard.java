package dev.clod.gateway.pricing;

import dev.clod.gateway.catalog.Deployment;
import dev.clod.gateway.catalog.DeploymentPricing;
import dev.clod.gateway.catalog.ListPrice;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Every site's electricity price and every deployment's token price at one instant: an immutable
 * snapshot, so one request is priced consistently from routing to billing, and reading it takes no
 * lock.
 *
 * @param asOf the instant the prices were resolved at
 * @param validUntil the first instant at which some price may change by itself
 * @param sites each site's price, by site id, in configuration order
 * @param energyPrices the current price of each energy-priced deployment, by deployment id
 */
public record PriceBoard(
        Instant asOf, Instant validUntil, Map<String, SitePrice> sites, Map<String, ListPrice> energyPrices) {

    /** A board without sites, for a catalog that has only fixed prices. */
    public static PriceBoard fixedOnly(Instant asOf) {
        return new PriceBoard(asOf, Instant.MAX, Map.of(), Map.of());
    }

    public PriceBoard {
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(validUntil, "validUntil");
        sites = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(sites));
        energyPrices = Map.copyOf(energyPrices);
    }

    /** The deployment's price per million tokens before any routing fee, at this board's instant. */
    public ListPrice priceOf(Deployment deployment) {
        if (deployment.pricing() instanceof DeploymentPricing.Listed listed) {
            return listed.price();
        }
        ListPrice price = energyPrices.get(deployment.id());
        if (price == null) {
            throw new IllegalStateException("no price on the board for deployment " + deployment.id());
        }
        return price;
    }

    /** The price of a site, if the board has it. */
    public Optional<SitePrice> site(String siteId) {
        return Optional.ofNullable(sites.get(siteId));
    }

    public Collection<SitePrice> allSites() {
        return sites.values();
    }
}
