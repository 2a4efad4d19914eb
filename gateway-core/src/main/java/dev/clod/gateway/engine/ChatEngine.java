package dev.clod.gateway.engine;

import dev.clod.gateway.CallOptions;
import dev.clod.gateway.ChatResult;
import dev.clod.gateway.ChatStreamObserver;
import dev.clod.gateway.api.ChatRequest;
import dev.clod.gateway.api.ClodException;
import dev.clod.gateway.catalog.Catalog;
import dev.clod.gateway.pricing.LivePrices;
import dev.clod.gateway.pricing.Pricer;
import dev.clod.gateway.provider.ChatProvider;
import dev.clod.gateway.provider.StreamHandle;
import dev.clod.gateway.routing.RouteDecision;
import dev.clod.gateway.routing.Router;
import dev.clod.gateway.routing.Strategy;
import dev.clod.gateway.usage.UsageSink;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;

/** Plans each request and runs it with fallback, streamed or not. */
public final class ChatEngine {

    /** The most deployments one request tries before giving up; each extra try multiplies upstream load. */
    static final int MAX_ATTEMPTS = 4;

    private final RoutePlanner planner;
    private final Engine engine;

    public ChatEngine(
            Catalog catalog,
            Map<String, ChatProvider> providers,
            Pricer pricer,
            LivePrices prices,
            Router router,
            Strategy defaultStrategy,
            UsageSink usage,
            Clock clock,
            LongSupplier ticker) {
        this(catalog, providers, pricer, prices, router, defaultStrategy, usage, clock, ticker, AttemptEvents.NONE);
    }

    /** @param events hears of failed attempts and fallbacks, for metrics */
    public ChatEngine(
            Catalog catalog,
            Map<String, ChatProvider> providers,
            Pricer pricer,
            LivePrices prices,
            Router router,
            Strategy defaultStrategy,
            UsageSink usage,
            Clock clock,
            LongSupplier ticker,
            AttemptEvents events) {
        this.planner = new RoutePlanner(catalog, providers, pricer, prices, router, defaultStrategy);
        this.engine = new Engine(Map.copyOf(providers), pricer, router, usage, clock, ticker, MAX_ATTEMPTS, events);
    }

    public CompletableFuture<ChatResult> chat(ChatRequest request, CallOptions options) {
        RoutePlan plan;
        try {
            plan = planner.plan(request, options);
        } catch (ClodException rejected) {
            return CompletableFuture.failedFuture(rejected);
        }
        return new CompletionCall(engine, plan, request, options).start();
    }

    /** How a request would be routed now, without sending it anywhere. */
    public RouteDecision explain(ChatRequest request, CallOptions options) {
        return planner.plan(request, options).decision();
    }

    public StreamHandle stream(ChatRequest request, CallOptions options, ChatStreamObserver observer) {
        RoutePlan plan;
        try {
            plan = planner.plan(request, options);
        } catch (ClodException rejected) {
            observer.onError(rejected, false);
            return () -> {};
        }
        return new StreamCall(engine, plan, request, options, observer).start(request.includeUsage());
    }
}
