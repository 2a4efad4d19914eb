package dev.clod.server.http;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.clod.gateway.Gateway;
import dev.clod.gateway.ModelListing;
import dev.clod.gateway.api.ModelNotFoundException;
import dev.clod.gateway.catalog.Capability;
import dev.clod.gateway.catalog.Model;
import dev.clod.gateway.pricing.PriceQuote;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * {@code GET /v1/models} and {@code GET /v1/models/{id}}: OpenAI's list shape, plus what tools that
 * configure models need (display name, category, context window for OpenClaw's {@code contextWindow},
 * capabilities) and each model's current price per million tokens.
 */
final class ModelsHandler {

    private final Gateway gateway;
    private final long created;

    ModelsHandler(Gateway gateway, long createdEpochSeconds) {
        this.gateway = gateway;
        this.created = createdEpochSeconds;
    }

    void list(RoutingContext ctx) {
        List<ModelListing> listings = gateway.listModels();
        ctx.response().putHeader("content-type", "application/json").end(Json.buffer(json -> {
            json.writeStartObject();
            json.writeStringField("object", "list");
            json.writeArrayFieldStart("data");
            for (ModelListing listing : listings) {
                write(json, listing);
            }
            json.writeEndArray();
            json.writeEndObject();
        }));
    }

    void one(RoutingContext ctx) {
        // Model ids may contain '/', so the id is everything after the prefix, decoded once.
        String path = ctx.request().path();
        String raw = path.substring(path.indexOf("/models/") + "/models/".length());
        String id = URLDecoder.decode(raw, StandardCharsets.UTF_8);
        ModelListing listing = gateway.model(id)
                .orElseThrow(() -> new ModelNotFoundException("The model '" + id + "' does not exist. Known models: "
                        + gateway.catalog().knownModelIds() + "."));
        ctx.response().putHeader("content-type", "application/json").end(Json.buffer(json -> write(json, listing)));
    }

    private void write(JsonGenerator json, ModelListing listing) throws IOException {
        Model model = listing.model();
        json.writeStartObject();
        json.writeStringField("id", model.id());
        json.writeStringField("object", "model");
        json.writeNumberField("created", created);
        json.writeStringField("owned_by", listing.ownedBy());
        json.writeStringField("name", model.name());
        json.writeStringField("category", model.category().name().toLowerCase(Locale.ROOT));
        json.writeNumberField("context_window", model.contextWindow());
        json.writeNumberField("max_output_tokens", model.maxOutputTokens());
        json.writeArrayFieldStart("capabilities");
        for (Capability capability : Capability.values()) {
            if (model.has(capability)) {
                json.writeString(capability.name().toLowerCase(Locale.ROOT));
            }
        }
        json.writeEndArray();
        json.writeArrayFieldStart("aliases");
        for (String alias : model.aliases()) {
            json.writeString(alias);
        }
        json.writeEndArray();
        json.writeBooleanField("available", listing.available());
        if (!listing.available()) {
            json.writeStringField("unavailable_reason", listing.unavailableReason());
        }
        PriceQuote price = listing.price();
        if (price == null) {
            json.writeNullField("pricing");
        } else {
            json.writeObjectFieldStart("pricing");
            json.writeStringField("currency", "USD");
            json.writeStringField("unit", "1M tokens");
            json.writeNumberField("input", price.userInputPer1m());
            json.writeNumberField("output", price.userOutputPer1m());
            json.writeNumberField("routing_fee_rate", price.billed() ? price.feeRate() : java.math.BigDecimal.ZERO);
            // Hosted prices follow the grid: the site they are from now, and the energy clock's instant.
            json.writeBooleanField("dynamic", price.energy() != null);
            json.writeStringField("site", listing.cheapestSite());
            json.writeStringField("as_of", listing.pricedAt().toString());
            json.writeEndObject();
        }
        json.writeNumberField("deployments", model.deployments().size());
        json.writeEndObject();
    }
}
