package dev.clod.gateway;

import dev.clod.gateway.api.ChatResponse;
import dev.clod.gateway.pricing.Cost;
import java.time.Duration;

/**
 * A completed, non-streamed chat: the answer (model named as the caller resolved it), where it was
 * served, what it cost, and how long it took.
 */
public record ChatResult(ChatResponse response, RouteInfo route, Cost cost, Duration duration) {}
