package dev.clod.camel;

import dev.clod.gateway.api.ChatResponse;
import java.math.BigDecimal;

/** One complete answer and where it came from. {@code costUsd} is null when a server did not say. */
record ChatReply(ChatResponse response, RouteHeaders route, BigDecimal costUsd) {}
