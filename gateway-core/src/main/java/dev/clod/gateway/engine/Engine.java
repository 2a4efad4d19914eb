package dev.clod.gateway.engine;

import dev.clod.gateway.pricing.Pricer;
import dev.clod.gateway.provider.ChatProvider;
import dev.clod.gateway.routing.Router;
import dev.clod.gateway.usage.UsageSink;
import java.time.Clock;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * What a call needs from the gateway: providers by id, prices, the router's statistics, where usage
 * goes, the clock for timestamps and a nanosecond ticker for durations, and how many deployments one
 * request may try.
 */
record Engine(
        Map<String, ChatProvider> providers,
        Pricer pricer,
        Router router,
        UsageSink usage,
        Clock clock,
        LongSupplier ticker,
        int maxAttempts,
        AttemptEvents events) {

    ChatProvider provider(String id) {
        return providers.get(id);
    }
}
