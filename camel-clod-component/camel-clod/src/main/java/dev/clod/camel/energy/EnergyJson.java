package dev.clod.camel.energy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clod.camel.ClodRemoteException;
import dev.clod.gateway.catalog.ListPrice;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the gateway server's energy answers ({@code /energy/sites}, {@code /energy/windows}, {@code
 * /models/{id}/prices}) into the component's records. Numbers are read as decimals, never through a
 * binary fraction. A missing or malformed field fails with a 502 naming it.
 */
final class EnergyJson {

    private static final ObjectMapper JSON =
            new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private EnergyJson() {}

    static EnergySnapshot sites(byte[] body) {
        JsonNode root = tree(body, "site list");
        List<SitePrices> sites = new ArrayList<>();
        for (JsonNode site : array(root, "data")) {
            List<SiteModelPrice> models = new ArrayList<>();
            for (JsonNode model : array(site, "models")) {
                models.add(new SiteModelPrice(
                        text(model, "model"), optionalText(model, "deployment"), price(model, "price_per_1m")));
            }
            sites.add(new SitePrices(
                    text(site, "site"),
                    optionalText(site, "grid_location"),
                    optionalDecimal(site, "pue"),
                    decimal(site, "usd_per_mwh"),
                    text(site, "status"),
                    optionalInstant(site, "since"),
                    optionalText(site, "feed"),
                    optionalText(site, "feed_error"),
                    models));
        }
        return new EnergySnapshot(instant(root, "as_of"), sites);
    }

    /** The windows, and the server's {@code as_of}. */
    record Windows(Instant asOf, List<EnergyWindow> windows) {}

    static Windows windows(byte[] body) {
        JsonNode root = tree(body, "window list");
        List<EnergyWindow> windows = new ArrayList<>();
        for (JsonNode window : array(root, "data")) {
            windows.add(new EnergyWindow(
                    instant(window, "start"),
                    instant(window, "end"),
                    text(window, "site"),
                    optionalText(window, "deployment"),
                    decimal(window, "expected_usd_per_mwh"),
                    price(window, "expected_price_per_1m"),
                    text(window, "basis")));
        }
        return new Windows(instant(root, "as_of"), windows);
    }

    static PriceHistory history(byte[] body) {
        JsonNode root = tree(body, "price history");
        List<PriceAt> cheapest = new ArrayList<>();
        for (JsonNode point : array(root, "cheapest")) {
            cheapest.add(point(point, optionalText(point, "site")));
        }
        List<SiteHistory> sites = new ArrayList<>();
        for (JsonNode site : array(root, "sites")) {
            String siteId = text(site, "site");
            List<PriceAt> series = new ArrayList<>();
            for (JsonNode point : array(site, "series")) {
                series.add(point(point, siteId));
            }
            sites.add(new SiteHistory(
                    siteId, optionalText(site, "grid_location"), optionalText(site, "deployment"), series));
        }
        return new PriceHistory(
                text(root, "model"), text(root, "window"), instant(root, "from"), instant(root, "to"), cheapest, sites);
    }

    /** The {@code id} of a {@code /models/{id}} answer. */
    static String modelId(byte[] body) {
        return text(tree(body, "model"), "id");
    }

    private static PriceAt point(JsonNode point, String site) {
        return new PriceAt(
                instant(point, "at"), site, optionalDecimal(point, "usd_per_mwh"), price(point, "price_per_1m"));
    }

    private static JsonNode tree(byte[] body, String what) {
        try {
            JsonNode root = JSON.readTree(body);
            if (root == null || !root.isObject()) {
                throw unreadable("The gateway server sent a " + what + " that is not a JSON object", null);
            }
            return root;
        } catch (IOException e) {
            throw unreadable("The gateway server sent an unreadable " + what + ": " + e.getMessage(), e);
        }
    }

    private static Iterable<JsonNode> array(JsonNode parent, String field) {
        JsonNode node = parent.path(field);
        if (node.isMissingNode() || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw unreadable("The gateway server's '" + field + "' is not a list", null);
        }
        return node;
    }

    private static String text(JsonNode parent, String field) {
        String text = optionalText(parent, field);
        if (text == null) {
            throw unreadable("The gateway server's answer has no '" + field + "'", null);
        }
        return text;
    }

    private static String optionalText(JsonNode parent, String field) {
        JsonNode node = parent.path(field);
        return node.isTextual() ? node.asText() : null;
    }

    private static BigDecimal decimal(JsonNode parent, String field) {
        BigDecimal value = optionalDecimal(parent, field);
        if (value == null) {
            throw unreadable("The gateway server's answer has no number '" + field + "'", null);
        }
        return value;
    }

    private static BigDecimal optionalDecimal(JsonNode parent, String field) {
        JsonNode node = parent.path(field);
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (node.isTextual()) {
            try {
                return new BigDecimal(node.asText());
            } catch (NumberFormatException e) {
                throw unreadable("The gateway server's '" + field + "' is not a number: " + node.asText(), e);
            }
        }
        return null;
    }

    private static ListPrice price(JsonNode parent, String field) {
        JsonNode node = parent.path(field);
        if (!node.isObject()) {
            throw unreadable("The gateway server's answer has no price '" + field + "'", null);
        }
        try {
            return new ListPrice(decimal(node, "input"), decimal(node, "output"));
        } catch (IllegalArgumentException negative) {
            throw unreadable("The gateway server's '" + field + "' is negative", negative);
        }
    }

    private static Instant instant(JsonNode parent, String field) {
        Instant value = optionalInstant(parent, field);
        if (value == null) {
            throw unreadable("The gateway server's answer has no instant '" + field + "'", null);
        }
        return value;
    }

    private static Instant optionalInstant(JsonNode parent, String field) {
        String text = optionalText(parent, field);
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw unreadable("The gateway server's '" + field + "' is not an ISO-8601 instant: " + text, e);
        }
    }

    private static ClodRemoteException unreadable(String message, Throwable cause) {
        return new ClodRemoteException(502, "api_error", null, null, message, cause);
    }
}
