package dev.clod.server.http;

import dev.clod.gateway.Gateway;
import dev.clod.gateway.api.InvalidRequestException;
import dev.clod.gateway.routing.RouteDecision;
import dev.clod.gateway.routing.ScoredCandidate;
import dev.clod.server.ApiKeys;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /v1/route?model=…}: how a request for the model string would be routed now, without
 * sending it. The same ranking a chat request gets (the {@code x-clod-strategy} header and the key's
 * default strategy apply), with every figure each candidate was compared on.
 */
final class RouteHandler {

    private final Gateway gateway;

    RouteHandler(Gateway gateway) {
        this.gateway = gateway;
    }

    void explain(RoutingContext ctx) {
        String model = ctx.request().getParam("model");
        if (model == null || model.isBlank()) {
            throw new InvalidRequestException(
                    "The query parameter 'model' is required, e.g. ?model=llama-3.1-8b@price.", "model");
        }
        ApiKeys.Caller caller = ctx.get(Routes.CALLER);
        RouteDecision decision = gateway.explain(model, ChatCompletionsHandler.callOptions(ctx, caller, "explain"));
        ctx.response().putHeader("content-type", "application/json").end(Json.buffer(json -> {
            json.writeStartObject();
            json.writeStringField("model", model);
            json.writeStringField("strategy", decision.strategy().label());
            json.writeStringField("chosen", decision.chosen().id());
            json.writeArrayFieldStart("candidates");
            for (ScoredCandidate candidate : decision.ranked()) {
                json.writeStartObject();
                json.writeStringField("deployment", candidate.deployment().id());
                json.writeStringField("model", candidate.deployment().modelId());
                json.writeStringField("provider", candidate.deployment().providerId());
                json.writeStringField("site", candidate.deployment().site());
                json.writeNumberField("expected_cost_usd", candidate.expectedCostUsd());
                json.writeNumberField("ttft_ms", candidate.ttftMillis());
                json.writeBooleanField("ttft_measured", candidate.ttftMeasured());
                json.writeNumberField("tokens_per_second", candidate.tokensPerSecond());
                json.writeBooleanField("token_rate_measured", candidate.tokenRateMeasured());
                json.writeNumberField("score", candidate.score());
                json.writeBooleanField("cooling_down", candidate.coolingDown());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }));
    }
}
