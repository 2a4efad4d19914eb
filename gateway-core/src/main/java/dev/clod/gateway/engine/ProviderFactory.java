package dev.clod.gateway.engine;

import dev.clod.gateway.config.ProviderConfig;
import dev.clod.gateway.provider.ChatProvider;
import dev.clod.gateway.provider.anthropic.AnthropicProvider;
import dev.clod.gateway.provider.gemini.GeminiProvider;
import dev.clod.gateway.provider.openai.OpenAiProvider;
import dev.clod.gateway.provider.simulated.SimulatedProvider;
import java.net.URI;
import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;

/** Builds the provider a configuration entry describes. */
public final class ProviderFactory {

    private final Clock clock;
    private final ScheduledExecutorService scheduler;

    public ProviderFactory(Clock clock, ScheduledExecutorService scheduler) {
        this.clock = clock;
        this.scheduler = scheduler;
    }

    public ChatProvider create(ProviderConfig config) {
        return switch (config.kind()) {
            case "openai" ->
                new OpenAiProvider(
                        config.id(),
                        URI.create(config.baseUrl()),
                        config.apiKey(),
                        config.missingApiKey(),
                        config.connectTimeout(),
                        config.timeout(),
                        config.headers(),
                        clock);
            case "anthropic" ->
                new AnthropicProvider(
                        config.id(),
                        URI.create(config.baseUrl()),
                        config.apiKey(),
                        config.missingApiKey(),
                        config.connectTimeout(),
                        config.timeout(),
                        config.headers(),
                        clock);
            case "gemini" ->
                new GeminiProvider(
                        config.id(),
                        URI.create(config.baseUrl()),
                        config.apiKey(),
                        config.missingApiKey(),
                        config.connectTimeout(),
                        config.timeout(),
                        config.headers(),
                        clock);
            case "simulated" ->
                new SimulatedProvider(
                        config.id(), config.simulatedTtft(), config.simulatedTokensPerSecond(), scheduler, clock);
            default -> throw new IllegalArgumentException("unsupported provider kind '" + config.kind() + "'");
        };
    }
}
