package dev.clod.camel.energy;

import dev.clod.gateway.Gateway;
import dev.clod.gateway.api.InvalidRequestException;
import dev.clod.gateway.api.ModelNotFoundException;
import dev.clod.gateway.catalog.Deployment;
import dev.clod.gateway.catalog.DeploymentPricing;
import dev.clod.gateway.catalog.Model;
import dev.clod.gateway.energy.ReplayClock;
import dev.clod.gateway.market.EnergyMarket;
import dev.clod.gateway.market.ModelPriceHistory;
import dev.clod.gateway.market.PricePoint;
import dev.clod.gateway.market.SiteSeries;
import dev.clod.gateway.market.WindowProposal;
import dev.clod.gateway.pricing.PriceBoard;
import dev.clod.gateway.pricing.PriceChange;
import dev.clod.gateway.pricing.Pricer;
import dev.clod.gateway.pricing.SitePrice;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/** The prices of the gateway running in this JVM, read from its energy market. */
final class EmbeddedEnergy implements EnergyClient {

    private final Gateway gateway;
    private final EnergyMarket market;
    // Stateless: quoting the models of a board exactly as the gateway's own pricer does.
    private final Pricer pricer = new Pricer();

    EmbeddedEnergy(Gateway gateway) {
        this.gateway = gateway;
        this.market = gateway.energy();
    }

    @Override
    public Clock clock() {
        return market.clock();
    }

    @Override
    public double speed() {
        return market.clock() instanceof ReplayClock replay ? replay.speed() : 1;
    }

    @Override
    public EnergySnapshot sites() {
        PriceBoard board = market.board();
        return new EnergySnapshot(board.asOf(), sitesOf(board, null));
    }

    @Override
    public ModelPrices modelPrices(String model) {
        Model found = energyPriced(model);
        return ModelPrices.of(found.id(), sites());
    }

    @Override
    public PriceHistory history(String model, String window) {
        Model found = energyPriced(model);
        ModelPriceHistory history = market.history(found, HistoryWindow.parse(window));
        List<SiteHistory> sites = new ArrayList<>();
        for (SiteSeries series : history.sites()) {
            sites.add(new SiteHistory(
                    series.site().id(),
                    series.site().gridLocation(),
                    series.deploymentId(),
                    series.points().stream().map(EmbeddedEnergy::point).toList()));
        }
        return new PriceHistory(
                found.id(),
                HistoryWindow.normalize(window),
                history.from(),
                history.to(),
                history.cheapest().stream().map(EmbeddedEnergy::point).toList(),
                sites);
    }

    @Override
    public List<EnergyWindow> windows(String model, Duration length, Instant deadline, int count) {
        Model found = energyPriced(model);
        List<EnergyWindow> windows = new ArrayList<>();
        for (WindowProposal proposal : market.windows(found, length, deadline, count)) {
            windows.add(new EnergyWindow(
                    proposal.start(),
                    proposal.end(),
                    proposal.siteId(),
                    proposal.deploymentId(),
                    proposal.expectedUsdPerMwh(),
                    proposal.expectedPrice(),
                    proposal.basis()));
        }
        return windows;
    }

    @Override
    public String modelId(String model) {
        return find(model).id();
    }

    @Override
    public void checkModel(String model) {
        energyPriced(model);
    }

    @Override
    public Watch watch(Consumer<PriceUpdate> listener, ScheduledExecutorService executor, Duration pollInterval) {
        AtomicBoolean open = new AtomicBoolean(true);
        // The market calls on its own thread, which also keeps the price history: hand over at once.
        Consumer<PriceChange> onChange = change -> {
            try {
                executor.execute(() -> {
                    if (open.get()) {
                        listener.accept(update(change));
                    }
                });
            } catch (RejectedExecutionException stopping) {
                // the executor was shut down with the watch being closed
            }
        };
        market.addListener(onChange);
        return () -> {
            open.set(false);
            market.removeListener(onChange);
        };
    }

    private PriceUpdate update(PriceChange change) {
        Set<String> changed = new HashSet<>();
        change.changed().forEach(price -> changed.add(price.site().id()));
        return new PriceUpdate(change.board().asOf(), sitesOf(change.board(), changed));
    }

    /** The sites of a board (all of them, or those named), each with the prices of its models then. */
    private List<SitePrices> sitesOf(PriceBoard board, Set<String> only) {
        List<SitePrices> sites = new ArrayList<>();
        for (SitePrice price : board.allSites()) {
            String siteId = price.site().id();
            if (only != null && !only.contains(siteId)) {
                continue;
            }
            List<SiteModelPrice> models = new ArrayList<>();
            for (Model model : gateway.catalog().models()) {
                for (Deployment deployment : model.deployments()) {
                    if (deployment.pricing() instanceof DeploymentPricing.EnergyBased energy
                            && energy.site().id().equals(siteId)) {
                        models.add(new SiteModelPrice(
                                model.id(),
                                deployment.id(),
                                pricer.quote(board, model, deployment).userPrice()));
                    }
                }
            }
            sites.add(new SitePrices(
                    siteId,
                    price.site().gridLocation(),
                    price.site().pue(),
                    price.usdPerMwh(),
                    price.status().wireName(),
                    price.since(),
                    price.feed(),
                    price.feedError(),
                    models));
        }
        return sites;
    }

    private Model find(String model) {
        return gateway.catalog()
                .find(model)
                .orElseThrow(() -> new ModelNotFoundException("The model '" + model + "' does not exist. Known models: "
                        + gateway.catalog().knownModelIds() + "."));
    }

    private Model energyPriced(String model) {
        Model found = find(model);
        if (found.deployments().stream().noneMatch(Deployment::energyPriced)) {
            throw new InvalidRequestException(
                    "The model '" + found.id() + "' is not priced by energy: none of its deployments runs at a"
                            + " site priced by its electricity.",
                    "model",
                    "model_not_energy_priced");
        }
        return found;
    }

    private static PriceAt point(PricePoint point) {
        return new PriceAt(point.at(), point.siteId(), point.usdPerMwh(), point.price());
    }
}
