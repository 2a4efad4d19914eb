package dev.clod.camel.energy;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A model's price over a past window: the body of {@code clod:prices?model=…&window=…}.
 *
 * @param window the window asked for: {@code 4h}, {@code 24h} or {@code 7d}
 * @param from the window's start on the energy clock
 * @param to the window's end: the instant the history was read at
 * @param cheapest the cheapest site's price at every moment, a step series that changes whenever the
 *     cheapest site or its price does
 * @param sites each site's series, in catalog order
 */
public record PriceHistory(
        String model, String window, Instant from, Instant to, List<PriceAt> cheapest, List<SiteHistory> sites) {

    public PriceHistory {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        cheapest = List.copyOf(cheapest);
        sites = List.copyOf(sites);
    }
}
