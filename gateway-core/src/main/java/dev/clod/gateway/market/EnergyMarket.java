package dev.clod.gateway.market;

import dev.clod.gateway.api.InvalidRequestException;
import dev.clod.gateway.catalog.Catalog;
import dev.clod.gateway.catalog.Deployment;
import dev.clod.gateway.catalog.DeploymentPricing;
import dev.clod.gateway.catalog.Model;
import dev.clod.gateway.catalog.Site;
import dev.clod.gateway.config.EnergySettings;
import dev.clod.gateway.config.FeedSpec;
import dev.clod.gateway.energy.ReplayClock;
import dev.clod.gateway.energy.feed.EnergyFeed;
import dev.clod.gateway.energy.feed.FixedFeed;
import dev.clod.gateway.energy.feed.HttpJsonFeed;
import dev.clod.gateway.energy.feed.TraceFeed;
import dev.clod.gateway.pricing.LivePrices;
import dev.clod.gateway.pricing.PriceBoard;
import dev.clod.gateway.pricing.PriceChange;
import dev.clod.gateway.pricing.Pricer;
import dev.clod.gateway.pricing.SitePrice;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's view of electricity: each site's price now and its history, every energy-priced
 * deployment's token price, and the cheapest windows ahead for work that can wait.
 *
 * <p>Prices are read at the energy clock: the wall clock, or a replay of past prices when the
 * configuration asks for one. A timer on its own thread notices price changes (so listeners hear of
 * them even when no request arrives), keeps the history, and polls HTTP feeds.
 */
public final class EnergyMarket implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EnergyMarket.class);

    /** The longest window a price history is asked for, and what a first run records of the past. */
    public static final Duration MAX_HISTORY = Duration.ofDays(7);

    /** How far ahead a window may be asked for: beyond two weeks, a forecast from the past says little. */
    public static final Duration MAX_HORIZON = Duration.ofDays(14);

    public static final int MAX_WINDOWS = 20;

    private static final Duration TICK = Duration.ofSeconds(1);

    private final Catalog catalog;
    private final LivePrices prices;
    private final Pricer pricer;
    private final List<EnergyFeed> feeds;
    private final HistoryRecorder recorder;
    private final WindowPlanner windows;
    private final ScheduledExecutorService timer;

    private EnergyMarket(
            Catalog catalog, LivePrices prices, Pricer pricer, List<EnergyFeed> feeds, ScheduledExecutorService timer) {
        this.catalog = catalog;
        this.prices = prices;
        this.pricer = pricer;
        this.feeds = List.copyOf(feeds);
        this.recorder = new HistoryRecorder(prices, new InMemoryPriceHistory(MAX_HISTORY.plusDays(1)), MAX_HISTORY);
        this.windows = new WindowPlanner(prices, pricer);
        this.timer = timer;
    }

    /**
     * Starts the feeds and the timer.
     *
     * @param wall the gateway's clock; the energy clock replays from it when configured to
     */
    public static EnergyMarket start(
            Catalog catalog, List<Site> sites, EnergySettings settings, Pricer pricer, Clock wall) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "clod-energy");
            thread.setDaemon(true);
            return thread;
        });
        Clock clock = settings.replay() == null
                ? wall
                : new ReplayClock(settings.replay().start(), settings.replay().speed(), wall);
        AtomicReference<LivePrices> built = new AtomicReference<>();
        Runnable refresh = () -> {
            LivePrices live = built.get();
            if (live != null) {
                live.refresh();
            }
        };
        List<EnergyFeed> feeds = new ArrayList<>();
        Map<String, EnergyFeed> byLocation = new HashMap<>();
        List<HttpJsonFeed> polled = new ArrayList<>();
        for (FeedSpec spec : settings.feeds()) {
            EnergyFeed feed;
            if (spec instanceof FeedSpec.Traces traces) {
                feed = new TraceFeed(traces.name(), traces.traces(), wall.instant());
            } else if (spec instanceof FeedSpec.Fixed fixed) {
                feed = new FixedFeed(fixed.usdPerMwh(), wall.instant());
            } else {
                FeedSpec.Http http = (FeedSpec.Http) spec;
                HttpJsonFeed poller = new HttpJsonFeed(
                        http.url(),
                        http.locations(),
                        http.pollInterval(),
                        http.retention(),
                        http.headers(),
                        wall,
                        refresh);
                polled.add(poller);
                feed = poller;
            }
            feeds.add(feed);
            for (String location : spec.locations()) {
                byLocation.put(location, feed);
            }
        }
        LivePrices live = new LivePrices(catalog, sites, byLocation, settings.policy(), clock, timer);
        built.set(live);
        EnergyMarket market = new EnergyMarket(catalog, live, pricer, feeds, timer);
        polled.forEach(feed -> feed.start(timer));
        if (!sites.isEmpty()) {
            timer.scheduleWithFixedDelay(market::tick, 0, TICK.toMillis(), TimeUnit.MILLISECONDS);
        }
        return market;
    }

    /** A market without sites, for a catalog of fixed prices. */
    public static EnergyMarket fixedOnly(Catalog catalog, Pricer pricer, Clock clock) {
        return start(catalog, List.of(), EnergySettings.NONE, pricer, clock);
    }

    private void tick() {
        try {
            prices.board();
            recorder.record();
        } catch (RuntimeException e) {
            LOG.warn("energy timer failed; it runs again in {}", TICK, e);
        }
    }

    /** The clock prices are read at. */
    public Clock clock() {
        return prices.clock();
    }

    /** The live prices routing reads. */
    public LivePrices prices() {
        return prices;
    }

    /** The prices now. */
    public PriceBoard board() {
        return prices.board();
    }

    /** Hears of every price change, on the market's own thread. */
    public void addListener(Consumer<PriceChange> listener) {
        prices.addListener(listener);
    }

    public void removeListener(Consumer<PriceChange> listener) {
        prices.removeListener(listener);
    }

    /** Keeps price history in this store from now on (a database), starting with the past week. */
    public void useHistory(PriceHistory history) {
        Objects.requireNonNull(history, "history");
        recorder.switchTo(history);
    }

    /** Records the changes up to now; the timer does this every second. */
    public void recordHistory() {
        recorder.record();
    }

    /** Every site now, in configuration order. */
    public List<SiteQuote> sites() {
        PriceBoard board = prices.board();
        List<SiteQuote> quotes = new ArrayList<>();
        for (Site site : prices.sites()) {
            SitePrice price = board.sites().get(site.id());
            List<SiteQuote.ModelAtSite> models = new ArrayList<>();
            for (Model model : catalog.models()) {
                for (Deployment deployment : model.deployments()) {
                    if (deployment.pricing() instanceof DeploymentPricing.EnergyBased energy
                            && energy.site().id().equals(site.id())) {
                        models.add(new SiteQuote.ModelAtSite(
                                model.id(),
                                deployment.id(),
                                pricer.quote(board, model, deployment).userPrice()));
                    }
                }
            }
            quotes.add(new SiteQuote(price, prices.feedOf(site).health(), models));
        }
        return quotes;
    }

    /**
     * A model's price over the window before now: the cheapest site's, and each site's.
     *
     * @throws InvalidRequestException if the window is not positive or longer than {@link #MAX_HISTORY}
     */
    public ModelPriceHistory history(Model model, Duration window) {
        if (window.isNegative() || window.isZero() || window.compareTo(MAX_HISTORY) > 0) {
            throw new InvalidRequestException(
                    "window must be positive and at most " + MAX_HISTORY.toDays() + " days",
                    "window",
                    "invalid_window");
        }
        recorder.record();
        PriceBoard board = prices.board();
        Instant now = prices.clock().instant().truncatedTo(ChronoUnit.SECONDS);
        return new ModelPriceSeries(recorder.history(), pricer).over(model, now.minus(window), now, board);
    }

    /**
     * The cheapest windows of {@code length} that end by {@code deadline}, best first, from the
     * expected prices (day-ahead where published, else the seasonal forecast).
     *
     * @throws InvalidRequestException if the length, deadline or count cannot give a window
     */
    public List<WindowProposal> windows(Model model, Duration length, Instant deadline, int count) {
        Instant now = prices.clock().instant().truncatedTo(ChronoUnit.SECONDS);
        if (length.isNegative() || length.isZero()) {
            throw new InvalidRequestException("duration must be positive", "duration", "invalid_duration");
        }
        if (deadline.isBefore(now.plus(length))) {
            throw new InvalidRequestException(
                    "deadline " + deadline + " leaves less than the duration (" + length + ") after now (" + now + ")",
                    "deadline",
                    "invalid_deadline");
        }
        if (deadline.isAfter(now.plus(MAX_HORIZON))) {
            throw new InvalidRequestException(
                    "deadline must be within " + MAX_HORIZON.toDays() + " days of now (" + now + ")",
                    "deadline",
                    "invalid_deadline");
        }
        if (model.deployments().stream().noneMatch(Deployment::energyPriced)) {
            throw new InvalidRequestException(
                    "The model '" + model.id() + "' is not priced by its sites' energy: its price does not move,"
                            + " so every window costs the same.",
                    "model",
                    "model_not_energy_priced");
        }
        if (count < 1 || count > MAX_WINDOWS) {
            throw new InvalidRequestException("count must be between 1 and " + MAX_WINDOWS, "count", "invalid_count");
        }
        return windows.propose(model, length, now, deadline, count);
    }

    /** Whether any model is priced by its site's energy. */
    public boolean hasSites() {
        return !prices.sites().isEmpty();
    }

    @Override
    public void close() {
        feeds.forEach(EnergyFeed::close);
        timer.shutdownNow();
    }
}
