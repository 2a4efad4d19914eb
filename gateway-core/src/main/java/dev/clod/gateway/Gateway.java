package dev.clod.gateway;

import dev.clod.gateway.api.ChatRequest;
import dev.clod.gateway.api.ClodException;
import dev.clod.gateway.api.FailureClass;
import dev.clod.gateway.api.UserMessage;
import dev.clod.gateway.catalog.Catalog;
import dev.clod.gateway.catalog.Deployment;
import dev.clod.gateway.catalog.Model;
import dev.clod.gateway.config.GatewayConfig;
import dev.clod.gateway.config.ProviderConfig;
import dev.clod.gateway.engine.AttemptEvents;
import dev.clod.gateway.engine.ChatEngine;
import dev.clod.gateway.engine.ProviderFactory;
import dev.clod.gateway.market.EnergyMarket;
import dev.clod.gateway.pricing.PriceBoard;
import dev.clod.gateway.pricing.PriceQuote;
import dev.clod.gateway.pricing.Pricer;
import dev.clod.gateway.provider.ChatProvider;
import dev.clod.gateway.provider.StreamHandle;
import dev.clod.gateway.routing.RouteDecision;
import dev.clod.gateway.routing.Router;
import dev.clod.gateway.routing.RouterSettings;
import dev.clod.gateway.routing.Strategy;
import dev.clod.gateway.usage.UsageRecord;
import dev.clod.gateway.usage.UsageSink;
import dev.clod.gateway.usage.UsageTally;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The gateway, embeddable: a catalog, its providers and a router behind two calls, {@link #chat} and
 * {@link #stream}. The HTTP server and the Camel component are both thin faces over this class.
 *
 * <p>Thread-safe. Neither call blocks: answers arrive on the returned future or the observer.
 */
public final class Gateway implements AutoCloseable {

    private final Catalog catalog;
    private final Map<String, ChatProvider> providers;
    private final Pricer pricer;
    private final EnergyMarket energy;
    private final Router router;
    private final ChatEngine engine;
    private final UsageTally tally = new UsageTally();
    private final List<UsageSink> sinks = new CopyOnWriteArrayList<>(List.of(tally));
    private final List<AttemptEvents> attemptListeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService scheduler;

    private Gateway(
            Catalog catalog,
            Map<String, ChatProvider> providers,
            Router router,
            Strategy defaultStrategy,
            Clock clock,
            ScheduledExecutorService scheduler,
            Pricer pricer,
            EnergyMarket energy) {
        this.catalog = catalog;
        this.providers = providers;
        this.pricer = pricer;
        this.energy = energy;
        this.router = router;
        this.scheduler = scheduler;
        this.engine = new ChatEngine(
                catalog,
                providers,
                pricer,
                energy.prices(),
                router,
                defaultStrategy,
                this::record,
                clock,
                System::nanoTime,
                new AttemptEvents() {
                    @Override
                    public void attemptFailed(String deploymentId, FailureClass failureClass) {
                        attemptListeners.forEach(listener -> listener.attemptFailed(deploymentId, failureClass));
                    }

                    @Override
                    public void fellBack(String fromDeploymentId, String toDeploymentId) {
                        attemptListeners.forEach(listener -> listener.fellBack(fromDeploymentId, toDeploymentId));
                    }
                });
    }

    /** A gateway for a loaded configuration, with its time taken from {@code clock}. */
    public static Gateway create(GatewayConfig config, Clock clock) {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "clod-simulated-providers");
            thread.setDaemon(true);
            return thread;
        });
        ProviderFactory factory = new ProviderFactory(clock, scheduler);
        Map<String, ChatProvider> providers = new LinkedHashMap<>();
        for (ProviderConfig provider : config.providers()) {
            providers.put(provider.id(), factory.create(provider));
        }
        Router router = new Router(clock, RouterSettings.defaults());
        // A simulated provider's speed is configured, not guessed: the router may rely on it from the
        // first request instead of exploring.
        for (ProviderConfig provider : config.providers()) {
            if ("simulated".equals(provider.kind())) {
                for (Model model : config.catalog().models()) {
                    for (Deployment deployment : model.deployments()) {
                        if (deployment.providerId().equals(provider.id())) {
                            router.expect(
                                    deployment.id(), provider.simulatedTtft(), provider.simulatedTokensPerSecond());
                        }
                    }
                }
            }
        }
        Pricer pricer = new Pricer();
        EnergyMarket energy;
        try {
            energy = EnergyMarket.start(config.catalog(), config.sites(), config.energy(), pricer, clock);
        } catch (RuntimeException e) {
            scheduler.shutdownNow();
            providers.values().forEach(ChatProvider::close);
            throw e;
        }
        return new Gateway(
                config.catalog(),
                Map.copyOf(providers),
                router,
                config.defaultStrategy(),
                clock,
                scheduler,
                pricer,
                energy);
    }

    /**
     * Answers a request in full (its {@code stream} flag is ignored). The future fails with a {@link
     * ClodException}: 4xx for the caller's mistakes, an upstream error when every deployment failed.
     */
    public CompletableFuture<ChatResult> chat(ChatRequest request, CallOptions options) {
        return engine.chat(request, options);
    }

    /**
     * Streams an answer to {@code observer}. Routing errors are reported through the observer too, with
     * nothing started. Cancel the handle when the client goes away: the upstream call stops.
     */
    public StreamHandle stream(ChatRequest request, CallOptions options, ChatStreamObserver observer) {
        return engine.stream(request, options, observer);
    }

    /**
     * How a request for {@code model} (a model string, tags allowed) would be routed now, without
     * sending anything: every candidate with the figures it was compared on, best first.
     *
     * @throws ClodException as {@link #chat} would fail for the model string
     */
    public RouteDecision explain(String model, CallOptions options) {
        return engine.explain(ChatRequest.of(model, List.of(UserMessage.of(""))), options);
    }

    /**
     * Adds a destination for usage records, such as a ledger. Every request that reached a deployment
     * produces one record, delivered to every sink in the order they were added.
     */
    public void addUsageSink(UsageSink sink) {
        sinks.add(sink);
    }

    /** Hears of every failed attempt and fallback from now on, for metrics. */
    public void addAttemptListener(AttemptEvents listener) {
        attemptListeners.add(listener);
    }

    /** Usage per model since this gateway started, kept in memory. */
    public UsageTally usage() {
        return tally;
    }

    private CompletionStage<Void> record(UsageRecord record) {
        List<UsageSink> current = sinks;
        CompletableFuture<?>[] stages = new CompletableFuture<?>[current.size()];
        for (int i = 0; i < stages.length; i++) {
            UsageSink sink = current.get(i);
            try {
                stages[i] = sink.record(record).toCompletableFuture();
            } catch (RuntimeException failed) {
                stages[i] = CompletableFuture.failedFuture(failed);
            }
        }
        return stages.length == 1 ? stages[0].thenApply(ignored -> null) : CompletableFuture.allOf(stages);
    }

    /** Site electricity prices, price history and cheap windows. */
    public EnergyMarket energy() {
        return energy;
    }

    public Catalog catalog() {
        return catalog;
    }

    public Router router() {
        return router;
    }

    /** Every model in catalog order, with availability and current price. */
    public List<ModelListing> listModels() {
        List<ModelListing> listings = new ArrayList<>();
        for (Model model : catalog.models()) {
            listings.add(listing(model));
        }
        return listings;
    }

    /** One model by id, name or alias. */
    public Optional<ModelListing> model(String nameOrAlias) {
        return catalog.find(nameOrAlias).map(this::listing);
    }

    private ModelListing listing(Model model) {
        PriceBoard board = energy.board();
        PriceQuote cheapest = null;
        Deployment cheapestAt = null;
        Set<String> reasons = new LinkedHashSet<>();
        Set<String> owners = new LinkedHashSet<>();
        for (Deployment deployment : model.deployments()) {
            ChatProvider provider = providers.get(deployment.providerId());
            owners.add("simulated".equals(provider.kind()) ? "simulated" : provider.id());
            if (!provider.available()) {
                reasons.add(provider.unavailableReason());
                continue;
            }
            PriceQuote quote = pricer.quote(board, model, deployment);
            // The blend of three input tokens to one output token; by cost to serve, so that a free
            // model is listed at the site it would be routed to.
            if (cheapest == null || quote.expectedCost(3, 1).compareTo(cheapest.expectedCost(3, 1)) < 0) {
                cheapest = quote;
                cheapestAt = deployment;
            }
        }
        boolean available = cheapest != null;
        String ownedBy = owners.size() == 1 ? owners.iterator().next() : "clod";
        return new ModelListing(
                model,
                available,
                available ? null : String.join("; ", reasons),
                cheapest,
                ownedBy,
                cheapestAt == null ? null : cheapestAt.site(),
                board.asOf());
    }

    @Override
    public void close() {
        providers.values().forEach(ChatProvider::close);
        energy.close();
        scheduler.shutdownNow();
    }
}
