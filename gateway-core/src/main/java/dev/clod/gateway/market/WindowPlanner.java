package dev.clod.gateway.market;

import dev.clod.gateway.catalog.Deployment;
import dev.clod.gateway.catalog.DeploymentPricing;
import dev.clod.gateway.catalog.ListPrice;
import dev.clod.gateway.catalog.Model;
import dev.clod.gateway.energy.PriceWindow;
import dev.clod.gateway.energy.WindowSearch;
import dev.clod.gateway.pricing.BlendedPrice;
import dev.clod.gateway.pricing.LivePrices;
import dev.clod.gateway.pricing.Pricer;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Proposes where and when to run work of a given length so that it ends by its deadline at the lowest
 * expected price: for each site serving the model, the cheapest windows on the expected prices, then
 * all of them ranked by the model's expected price there (the blended price, so sites with different
 * PUEs compare fairly), best first.
 */
final class WindowPlanner {

    private final LivePrices prices;
    private final Pricer pricer;

    WindowPlanner(LivePrices prices, Pricer pricer) {
        this.prices = prices;
        this.pricer = pricer;
    }

    /** @param now the energy clock's instant: the earliest a window may start */
    List<WindowProposal> propose(Model model, Duration length, Instant now, Instant deadline, int count) {
        // Ranked by what running there costs, which for a free model is not what the caller pays.
        List<Ranked> proposals = new ArrayList<>();
        for (Deployment deployment : model.deployments()) {
            if (!(deployment.pricing() instanceof DeploymentPricing.EnergyBased energy)) {
                continue;
            }
            Optional<SiteForecast.Expected> expected = SiteForecast.expect(
                    prices.feedOf(energy.site()), energy.site().gridLocation(), now, deadline);
            if (expected.isEmpty()) {
                continue;
            }
            for (PriceWindow window : WindowSearch.cheapest(expected.get().trace(), now, deadline, length, count)) {
                ListPrice upstream = energy.pricing().priceAt(energy.site().pue(), window.averageUsdPerMwh());
                proposals.add(new Ranked(
                        new WindowProposal(
                                window.start(),
                                window.end(),
                                energy.site().id(),
                                deployment.id(),
                                window.averageUsdPerMwh(),
                                pricer.quoteAt(model, deployment, upstream).userPrice(),
                                expected.get().basis()),
                        BlendedPrice.of(upstream)));
            }
        }
        proposals.sort(Comparator.comparing(Ranked::cost)
                .thenComparing(ranked -> ranked.proposal().start())
                .thenComparing(ranked -> ranked.proposal().siteId()));
        return proposals.stream().limit(count).map(Ranked::proposal).toList();
    }

    private record Ranked(WindowProposal proposal, BigDecimal cost) {}
}
