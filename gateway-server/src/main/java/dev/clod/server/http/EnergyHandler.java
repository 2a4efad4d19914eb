package dev.clod.server.http;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.clod.gateway.Gateway;
import dev.clod.gateway.api.InvalidRequestException;
import dev.clod.gateway.api.ModelNotFoundException;
import dev.clod.gateway.catalog.ListPrice;
import dev.clod.gateway.catalog.Model;
import dev.clod.gateway.market.SiteQuote;
import dev.clod.gateway.market.WindowProposal;
import dev.clod.gateway.pricing.PriceBoard;
import dev.clod.gateway.pricing.SitePrice;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * {@code GET /v1/energy/sites}: each site's electricity price and the token prices that follow from it
 * now; {@code GET /v1/energy/windows}: where and when work of a given length is expected to be
 * cheapest before its deadline.
 */
final class EnergyHandler {

    static final int DEFAULT_WINDOWS = 3;

    private final Gateway gateway;

    EnergyHandler(Gateway gateway) {
        this.gateway = gateway;
    }

    void sites(RoutingContext ctx) {
        List<SiteQuote> sites = gateway.energy().sites();
        PriceBoard board = gateway.energy().board();
        ctx.response().putHeader("content-type", "application/json").end(Json.buffer(json -> {
            json.writeStartObject();
            json.writeStringField("object", "list");
            json.writeStringField("as_of", board.asOf().toString());
            json.writeArrayFieldStart("data");
            for (SiteQuote quote : sites) {
                writeSite(json, quote);
            }
            json.writeEndArray();
            json.writeEndObject();
        }));
    }

    private static void writeSite(JsonGenerator json, SiteQuote quote) throws IOException {
        SitePrice price = quote.price();
        json.writeStartObject();
        json.writeStringField("site", price.site().id());
        json.writeStringField("grid_location", price.site().gridLocation());
        json.writeNumberField("pue", price.site().pue());
        json.writeNumberField("usd_per_mwh", price.usdPerMwh());
        json.writeStringField("status", price.status().wireName());
        json.writeStringField("since", price.since().toString());
        json.writeStringField("feed", price.feed());
        json.writeStringField("feed_error", quote.feedHealth().lastError());
        json.writeStringField(
                "feed_last_success",
                quote.feedHealth().lastSuccess() == null
                        ? null
                        : quote.feedHealth().lastSuccess().toString());
        json.writeArrayFieldStart("models");
        for (SiteQuote.ModelAtSite model : quote.models()) {
            json.writeStartObject();
            json.writeStringField("model", model.modelId());
            json.writeStringField("deployment", model.deploymentId());
            writePrice(json, "price_per_1m", model.price());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    void windows(RoutingContext ctx) {
        Model model = model(gateway, ctx.request().getParam("model"));
        Instant now = gateway.energy().clock().instant();
        Duration duration = DurationParam.duration("duration", ctx.request().getParam("duration"));
        Instant deadline = DurationParam.instant("deadline", ctx.request().getParam("deadline"), now);
        int count = count(ctx.request().getParam("count"));
        List<WindowProposal> windows = gateway.energy().windows(model, duration, deadline, count);
        ctx.response().putHeader("content-type", "application/json").end(Json.buffer(json -> {
            json.writeStartObject();
            json.writeStringField("object", "list");
            json.writeStringField("model", model.id());
            json.writeStringField("as_of", now.toString());
            json.writeStringField("duration", duration.toString());
            json.writeStringField("deadline", deadline.toString());
            json.writeArrayFieldStart("data");
            for (WindowProposal window : windows) {
                json.writeStartObject();
                json.writeStringField("start", window.start().toString());
                json.writeStringField("end", window.end().toString());
                json.writeStringField("site", window.siteId());
                json.writeStringField("deployment", window.deploymentId());
                json.writeNumberField("expected_usd_per_mwh", window.expectedUsdPerMwh());
                writePrice(json, "expected_price_per_1m", window.expectedPrice());
                json.writeStringField("basis", window.basis());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }));
    }

    /** The model a query names; it must be priced by its sites' energy to have windows or history. */
    static Model model(Gateway gateway, String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidRequestException("Missing 'model'.", "model");
        }
        return gateway.catalog()
                .find(name)
                .orElseThrow(() -> new ModelNotFoundException("The model '" + name + "' does not exist. Known models: "
                        + gateway.catalog().knownModelIds() + "."));
    }

    private static int count(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_WINDOWS;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidRequestException("Invalid 'count': expected a whole number from 1 to 20.", "count");
        }
    }

    static void writePrice(JsonGenerator json, String field, ListPrice price) throws IOException {
        json.writeObjectFieldStart(field);
        json.writeNumberField("input", price.inputPer1m());
        json.writeNumberField("output", price.outputPer1m());
        json.writeEndObject();
    }
}
