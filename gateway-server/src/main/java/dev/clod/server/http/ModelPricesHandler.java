package dev.clod.server.http;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.clod.gateway.Gateway;
import dev.clod.gateway.api.InvalidRequestException;
import dev.clod.gateway.catalog.Model;
import dev.clod.gateway.market.ModelPriceHistory;
import dev.clod.gateway.market.PricePoint;
import dev.clod.gateway.market.SiteSeries;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * {@code GET /v1/models/{id}/prices?window=4h|24h|7d}: a model's price over the window before now, as
 * step series — the cheapest site's, and each site's with the electricity price behind it. Proxied and
 * fixed-price models give one flat point.
 */
final class ModelPricesHandler {

    static final Map<String, Duration> WINDOWS =
            Map.of("4h", Duration.ofHours(4), "24h", Duration.ofHours(24), "7d", Duration.ofDays(7));

    private final Gateway gateway;

    ModelPricesHandler(Gateway gateway) {
        this.gateway = gateway;
    }

    void prices(RoutingContext ctx) {
        String path = ctx.request().path();
        String raw = path.substring(path.indexOf("/models/") + "/models/".length(), path.length() - "/prices".length());
        Model model = EnergyHandler.model(gateway, URLDecoder.decode(raw, StandardCharsets.UTF_8));
        String windowName = ctx.request().getParam("window");
        String window = windowName == null || windowName.isBlank() ? "24h" : windowName.strip();
        Duration span = WINDOWS.get(window);
        if (span == null) {
            throw new InvalidRequestException(
                    "Invalid 'window' '" + windowName + "': expected 4h, 24h or 7d.", "window", "invalid_window");
        }
        ModelPriceHistory history = gateway.energy().history(model, span);
        ctx.response().putHeader("content-type", "application/json").end(Json.buffer(json -> {
            json.writeStartObject();
            json.writeStringField("object", "model.prices");
            json.writeStringField("model", model.id());
            json.writeStringField("window", window);
            json.writeStringField("from", history.from().toString());
            json.writeStringField("to", history.to().toString());
            json.writeStringField("currency", "USD");
            json.writeStringField("unit", "1M tokens");
            json.writeArrayFieldStart("cheapest");
            for (PricePoint point : history.cheapest()) {
                writePoint(json, point, true);
            }
            json.writeEndArray();
            json.writeArrayFieldStart("sites");
            for (SiteSeries series : history.sites()) {
                json.writeStartObject();
                json.writeStringField("site", series.site().id());
                json.writeStringField("grid_location", series.site().gridLocation());
                json.writeStringField("deployment", series.deploymentId());
                json.writeArrayFieldStart("series");
                for (PricePoint point : series.points()) {
                    writePoint(json, point, false);
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }));
    }

    private static void writePoint(JsonGenerator json, PricePoint point, boolean withSite) throws IOException {
        json.writeStartObject();
        json.writeStringField("at", point.at().toString());
        if (withSite) {
            json.writeStringField("site", point.siteId());
        }
        if (point.usdPerMwh() == null) {
            json.writeNullField("usd_per_mwh");
        } else {
            json.writeNumberField("usd_per_mwh", point.usdPerMwh());
        }
        EnergyHandler.writePrice(json, "price_per_1m", point.price());
        json.writeEndObject();
    }
}
