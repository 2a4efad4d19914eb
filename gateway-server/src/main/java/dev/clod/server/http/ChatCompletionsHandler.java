package dev.clod.server.http;

import dev.clod.gateway.CallOptions;
import dev.clod.gateway.ChatStreamObserver;
import dev.clod.gateway.Gateway;
import dev.clod.gateway.RouteInfo;
import dev.clod.gateway.StreamSummary;
import dev.clod.gateway.account.Project;
import dev.clod.gateway.api.ChatChunk;
import dev.clod.gateway.api.ChatRequest;
import dev.clod.gateway.api.ClodException;
import dev.clod.gateway.api.json.ChatJson;
import dev.clod.gateway.provider.StreamHandle;
import dev.clod.gateway.routing.ModelSelector;
import dev.clod.gateway.routing.Strategy;
import dev.clod.server.ApiKeys;
import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Set;

/**
 * {@code POST /v1/chat/completions}. Streaming is decided by {@code "stream": true} in the body, never
 * by the {@code Accept} header (openai-node sends {@code application/json} on streams). The strategy
 * may come in the model string, the {@code x-clod-strategy} header, or the key's default.
 */
final class ChatCompletionsHandler implements Handler<RoutingContext> {

    static final String STRATEGY_HEADER = "x-clod-strategy";
    private static final Buffer DONE = Buffer.buffer("data: [DONE]\n\n");

    private final Gateway gateway;

    ChatCompletionsHandler(Gateway gateway) {
        this.gateway = gateway;
    }

    @Override
    public void handle(RoutingContext ctx) {
        HttpServerResponse response = ctx.response();
        String requestId = RequestIds.next();
        response.putHeader("x-request-id", requestId);
        ApiKeys.Caller caller = ctx.get(Routes.CALLER);
        ChatRequest request;
        CallOptions options;
        try {
            request = ChatJson.readRequest(
                    ctx.body().buffer() == null
                            ? new byte[0]
                            : ctx.body().buffer().getBytes());
            options = callOptions(ctx, caller, requestId);
        } catch (ClodException invalid) {
            ErrorReplies.send(response, invalid);
            return;
        }
        if (request.stream()) {
            stream(ctx, request, options);
        } else {
            complete(ctx, request, options);
        }
    }

    /** What the caller brings to a request: its strategy, key, project and the models it may use. */
    static CallOptions callOptions(RoutingContext ctx, ApiKeys.Caller caller, String requestId) {
        Project project = caller.project();
        Set<String> allowed =
                project == null || project.allowedModels().isEmpty() ? null : Set.copyOf(project.allowedModels());
        return new CallOptions(
                strategyHeader(ctx),
                caller.defaultStrategy(),
                requestId,
                caller.keyId(),
                project == null ? null : project.id(),
                allowed);
    }

    /** The strategy a client sent in the {@code x-clod-strategy} header, or null. */
    static Strategy strategyHeader(RoutingContext ctx) {
        String header = ctx.request().getHeader(STRATEGY_HEADER);
        return header == null || header.isBlank() ? null : ModelSelector.parseStrategy(header, STRATEGY_HEADER);
    }

    private void complete(RoutingContext ctx, ChatRequest request, CallOptions options) {
        HttpServerResponse response = ctx.response();
        Context context = ctx.vertx().getOrCreateContext();
        var future = gateway.chat(request, options);
        response.closeHandler(closed -> future.cancel(true));
        future.whenComplete((result, error) -> context.runOnContext(ignored -> {
            if (error != null) {
                ErrorReplies.send(response, error);
                return;
            }
            if (response.closed()) {
                return;
            }
            routeHeaders(response, result.route());
            response.putHeader("x-clod-cost-usd", usd(result.cost().userPrice()))
                    .putHeader("content-type", "application/json")
                    .end(Buffer.buffer(ChatJson.writeResponse(result.response())));
        }));
    }

    private void stream(RoutingContext ctx, ChatRequest request, CallOptions options) {
        HttpServerResponse response = ctx.response();
        Context context = ctx.vertx().getOrCreateContext();
        StreamHandle handle = gateway.stream(request, options, new ChatStreamObserver() {
            @Override
            public void onStart(RouteInfo route) {
                context.runOnContext(ignored -> {
                    if (response.closed()) {
                        return;
                    }
                    routeHeaders(response, route);
                    response.setChunked(true)
                            .putHeader("content-type", "text/event-stream")
                            .putHeader("cache-control", "no-cache");
                });
            }

            @Override
            public void onChunk(ChatChunk chunk) {
                String json = ChatJson.writeChunk(chunk);
                context.runOnContext(ignored -> {
                    if (!response.closed() && !response.ended()) {
                        response.write(Buffer.buffer(json.length() + 8)
                                .appendString("data: ")
                                .appendString(json)
                                .appendString("\n\n"));
                    }
                });
            }

            @Override
            public void onComplete(StreamSummary summary) {
                context.runOnContext(ignored -> {
                    if (!response.closed() && !response.ended()) {
                        response.end(DONE);
                    }
                });
            }

            @Override
            public void onError(ClodException error, boolean started) {
                context.runOnContext(ignored -> ErrorReplies.send(response, error));
            }
        });
        response.closeHandler(closed -> handle.cancel());
    }

    private static void routeHeaders(HttpServerResponse response, RouteInfo route) {
        response.putHeader("x-clod-model", route.model().id())
                .putHeader("x-clod-provider", route.providerId())
                .putHeader("x-clod-deployment", route.deployment().id())
                .putHeader("x-clod-strategy", route.strategy().label())
                .putHeader("x-clod-route", route.decision().header())
                .putHeader("x-clod-priced-at", route.pricedAt().toString());
        if (route.site() != null) {
            response.putHeader("x-clod-site", route.site());
        }
    }

    /** Dollars as a plain decimal with at most ten places: {@code 0.0000123}. */
    static String usd(BigDecimal amount) {
        BigDecimal rounded = amount.setScale(10, RoundingMode.HALF_UP).stripTrailingZeros();
        return rounded.signum() == 0 ? "0" : rounded.toPlainString();
    }
}
