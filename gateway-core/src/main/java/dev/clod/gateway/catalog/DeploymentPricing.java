package dev.clod.gateway.catalog;

import dev.clod.gateway.energy.SitePricing;
import java.util.Objects;

/**
 * Where a deployment's price per million tokens comes from: a fixed list price, or its site's
 * electricity price at the moment of the request.
 */
public sealed interface DeploymentPricing {

    /** A price that does not move: a third party's list price, or a hosted model priced by hand. */
    record Listed(ListPrice price) implements DeploymentPricing {
        public Listed {
            Objects.requireNonNull(price, "price");
        }
    }

    /**
     * A hosted deployment priced from the wholesale electricity price at its site.
     *
     * @param site the site whose grid price and PUE apply
     */
    record EnergyBased(Site site, SitePricing pricing) implements DeploymentPricing {
        public EnergyBased {
            Objects.requireNonNull(site, "site");
            Objects.requireNonNull(pricing, "pricing");
        }
    }
}
