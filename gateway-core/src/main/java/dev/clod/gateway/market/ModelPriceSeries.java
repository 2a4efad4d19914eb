package dev.clod.gateway.market;

import dev.clod.gateway.catalog.Deployment;
import dev.clod.gateway.catalog.DeploymentPricing;
import dev.clod.gateway.catalog.ListPrice;
import dev.clod.gateway.catalog.Model;
import dev.clod.gateway.pricing.BlendedPrice;
import dev.clod.gateway.pricing.PriceBoard;
import dev.clod.gateway.pricing.PriceQuote;
import dev.clod.gateway.pricing.Pricer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Turns the sites' kept price changes into a model's price series: each site's price at each of its
 * changes, and the cheapest of them (by the blended price) at every instant any of them changed.
 */
final class ModelPriceSeries {

    private final PriceHistory history;
    private final Pricer pricer;

    ModelPriceSeries(PriceHistory history, Pricer pricer) {
        this.history = history;
        this.pricer = pricer;
    }

    ModelPriceHistory over(Model model, Instant from, Instant to, PriceBoard now) {
        List<SiteSeries> sites = new ArrayList<>();
        List<PricePoint> fixedNow = new ArrayList<>();
        for (Deployment deployment : model.deployments()) {
            if (deployment.pricing() instanceof DeploymentPricing.EnergyBased energy) {
                List<PricePoint> points = new ArrayList<>();
                for (SitePricePoint change : history.series(energy.site().id(), from, to)) {
                    ListPrice upstream = energy.pricing().priceAt(energy.site().pue(), change.usdPerMwh());
                    PriceQuote quote = pricer.quoteAt(model, deployment, upstream);
                    Instant at = change.at().isBefore(from) ? from : change.at();
                    points.add(new PricePoint(at, energy.site().id(), change.usdPerMwh(), quote.userPrice()));
                }
                sites.add(new SiteSeries(energy.site(), deployment.id(), points));
            } else {
                PriceQuote quote = pricer.quote(now, model, deployment);
                fixedNow.add(new PricePoint(from, deployment.site(), null, quote.userPrice()));
            }
        }
        return new ModelPriceHistory(model, from, to, cheapest(sites, fixedNow, from), sites);
    }

    private static List<PricePoint> cheapest(List<SiteSeries> sites, List<PricePoint> fixed, Instant from) {
        TreeSet<Instant> instants = new TreeSet<>();
        sites.forEach(series -> series.points().forEach(point -> instants.add(point.at())));
        if (!fixed.isEmpty()) {
            instants.add(from);
        }
        List<PricePoint> cheapest = new ArrayList<>();
        int[] cursor = new int[sites.size()];
        for (Instant at : instants) {
            PricePoint best = null;
            for (PricePoint point : fixed) {
                best = cheaper(best, point);
            }
            for (int i = 0; i < sites.size(); i++) {
                List<PricePoint> points = sites.get(i).points();
                while (cursor[i] + 1 < points.size()
                        && !points.get(cursor[i] + 1).at().isAfter(at)) {
                    cursor[i]++;
                }
                if (!points.isEmpty() && !points.get(cursor[i]).at().isAfter(at)) {
                    best = cheaper(best, points.get(cursor[i]));
                }
            }
            if (best == null) {
                continue;
            }
            PricePoint step = new PricePoint(at, best.siteId(), best.usdPerMwh(), best.price());
            PricePoint previous = cheapest.isEmpty() ? null : cheapest.get(cheapest.size() - 1);
            if (previous == null
                    || !java.util.Objects.equals(previous.siteId(), step.siteId())
                    || !previous.price().equals(step.price())) {
                cheapest.add(step);
            }
        }
        return cheapest;
    }

    private static PricePoint cheaper(PricePoint best, PricePoint candidate) {
        return best == null || BlendedPrice.ORDER.compare(candidate.price(), best.price()) < 0 ? candidate : best;
    }
}
