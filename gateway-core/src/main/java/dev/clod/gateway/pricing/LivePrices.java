package dev.clod.gateway.pricing;

import dev.clod.gateway.catalog.Catalog;
import dev.clod.gateway.catalog.Deployment;
import dev.clod.gateway.catalog.DeploymentPricing;
import dev.clod.gateway.catalog.ListPrice;
import dev.clod.gateway.catalog.Model;
import dev.clod.gateway.catalog.Site;
import dev.clod.gateway.energy.feed.EnergyFeed;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The current prices of every site and deployment, kept as a {@link PriceBoard} that is rebuilt when
 * the clock passes the instant some price changes, or when a feed delivers new prices.
 *
 * <p>Reading the board takes no lock. The thread that finds the board out of date rebuilds it; others
 * keep using the previous board for the few microseconds that takes. Listeners hear of every change on
 * the executor given, never on the thread that found it.
 */
public final class LivePrices {

    private static final Logger LOG = LoggerFactory.getLogger(LivePrices.class);

    private final List<Site> sites;
    private final Map<String, EnergyFeed> feedsByLocation;
    private final List<Deployment> energyDeployments;
    private final SitePriceResolver resolver;
    private final FeedPolicy policy;
    private final Clock clock;
    private final Executor listenerExecutor;
    private final List<Consumer<PriceChange>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicBoolean rebuilding = new AtomicBoolean();
    private volatile PriceBoard board;

    /**
     * @param feedsByLocation the feed of each site's grid location; every site's location must have one
     * @param clock the energy clock: the instant prices are looked up at (a replay clock replays a trace)
     */
    public LivePrices(
            Catalog catalog,
            List<Site> sites,
            Map<String, EnergyFeed> feedsByLocation,
            FeedPolicy policy,
            Clock clock,
            Executor listenerExecutor) {
        this.sites = List.copyOf(sites);
        this.feedsByLocation = Map.copyOf(feedsByLocation);
        for (Site site : sites) {
            if (!feedsByLocation.containsKey(site.gridLocation())) {
                throw new IllegalArgumentException(
                        "no energy feed prices grid location '" + site.gridLocation() + "' of site " + site.id());
            }
        }
        List<Deployment> priced = new ArrayList<>();
        for (Model model : catalog.models()) {
            for (Deployment deployment : model.deployments()) {
                if (deployment.energyPriced()) {
                    priced.add(deployment);
                }
            }
        }
        this.energyDeployments = List.copyOf(priced);
        this.resolver = new SitePriceResolver(policy);
        this.policy = policy;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.listenerExecutor = Objects.requireNonNull(listenerExecutor, "listenerExecutor");
        this.board = build(clock.instant());
    }

    /** A gateway without sites: every price is fixed. */
    public static LivePrices fixedOnly(Catalog catalog, Clock clock) {
        return new LivePrices(catalog, List.of(), Map.of(), FeedPolicy.DEFAULTS, clock, Runnable::run);
    }

    /** The clock prices are looked up at. */
    public Clock clock() {
        return clock;
    }

    /** The sites, in configuration order. */
    public List<Site> sites() {
        return sites;
    }

    /** What a site is priced at when its feed has no current price. */
    public FeedPolicy policy() {
        return policy;
    }

    /** A site's price at any instant, past or future, from what its feed holds now. */
    public SitePrice priceAt(Site site, Instant at) {
        return resolver.resolve(site, feedsByLocation.get(site.gridLocation()), at);
    }

    /** The feed that prices a site. */
    public EnergyFeed feedOf(Site site) {
        return feedsByLocation.get(site.gridLocation());
    }

    /** The prices now, rebuilt first if the clock has passed a change. */
    public PriceBoard board() {
        PriceBoard current = board;
        if (!clock.instant().isBefore(current.validUntil())) {
            refresh();
            current = board;
        }
        return current;
    }

    /** Re-reads every site's price now; called by feeds that received new prices, and by a timer. */
    public void refresh() {
        if (!rebuilding.compareAndSet(false, true)) {
            return; // another thread is rebuilding; its board is as new as ours would be
        }
        try {
            PriceBoard before = board;
            PriceBoard after = build(clock.instant());
            board = after;
            List<SitePrice> changed = new ArrayList<>();
            for (SitePrice price : after.allSites()) {
                if (price.differsFrom(before.sites().get(price.site().id()))) {
                    changed.add(price);
                }
            }
            if (!changed.isEmpty()) {
                notifyListeners(new PriceChange(after, changed));
            }
        } finally {
            rebuilding.set(false);
        }
    }

    /** Hears of every change from now on. */
    public void addListener(Consumer<PriceChange> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeListener(Consumer<PriceChange> listener) {
        listeners.remove(listener);
    }

    /** Every site's price at an instant, with the deployment prices that follow from them. */
    public PriceBoard build(Instant at) {
        Map<String, SitePrice> sitePrices = new LinkedHashMap<>();
        Instant validUntil = Instant.MAX;
        for (Site site : sites) {
            SitePrice price = resolver.resolve(site, feedsByLocation.get(site.gridLocation()), at);
            sitePrices.put(site.id(), price);
            if (price.until().isBefore(validUntil)) {
                validUntil = price.until();
            }
        }
        Map<String, ListPrice> prices = new HashMap<>();
        for (Deployment deployment : energyDeployments) {
            DeploymentPricing.EnergyBased energy = (DeploymentPricing.EnergyBased) deployment.pricing();
            SitePrice site = sitePrices.get(energy.site().id());
            prices.put(deployment.id(), energy.pricing().priceAt(energy.site().pue(), site.usdPerMwh()));
        }
        return new PriceBoard(at, validUntil, sitePrices, prices);
    }

    private void notifyListeners(PriceChange change) {
        for (Consumer<PriceChange> listener : listeners) {
            listenerExecutor.execute(() -> {
                try {
                    listener.accept(change);
                } catch (RuntimeException e) {
                    LOG.warn("a price-change listener failed", e);
                }
            });
        }
    }
}
