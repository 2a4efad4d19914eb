package dev.clod.camel.energy;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Every site's prices at one instant of the energy clock.
 *
 * @param asOf the instant the prices apply at: the embedded market's clock, or the server's {@code as_of}
 * @param sites in configuration order
 */
public record EnergySnapshot(Instant asOf, List<SitePrices> sites) {

    public EnergySnapshot {
        Objects.requireNonNull(asOf, "asOf");
        sites = List.copyOf(sites);
    }
}
