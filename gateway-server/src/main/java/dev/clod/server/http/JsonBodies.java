package dev.clod.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clod.gateway.api.InvalidRequestException;
import io.vertx.ext.web.RoutingContext;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Reads the small JSON bodies of the admin API, with errors that name the field. */
final class JsonBodies {

    private static final ObjectMapper JSON =
            new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private JsonBodies() {}

    static JsonNode object(RoutingContext ctx) {
        String text = ctx.body().asString();
        if (text == null || text.isBlank()) {
            throw new InvalidRequestException("The request body must be a JSON object.", null);
        }
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JsonProcessingException malformed) {
            throw new InvalidRequestException("We could not parse the JSON body of your request.", null);
        }
        if (node == null || !node.isObject()) {
            throw new InvalidRequestException("The request body must be a JSON object.", null);
        }
        return node;
    }

    static String requiredText(JsonNode body, String field) {
        String value = text(body, field);
        if (value == null) {
            throw new InvalidRequestException("Missing required parameter: '" + field + "'.", field);
        }
        return value;
    }

    static String text(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new InvalidRequestException("Invalid type for '" + field + "': expected a string.", field);
        }
        return node.asText();
    }

    static Integer positiveInt(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.asInt() <= 0) {
            throw new InvalidRequestException("Invalid '" + field + "': expected a positive integer.", field);
        }
        return node.asInt();
    }

    static BigDecimal decimal(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isNumber()) {
            throw new InvalidRequestException("Invalid type for '" + field + "': expected a number.", field);
        }
        return node.decimalValue();
    }

    static List<String> strings(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new InvalidRequestException("Invalid type for '" + field + "': expected an array of strings.", field);
        }
        List<String> values = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            if (!node.get(i).isTextual()) {
                throw new InvalidRequestException(
                        "Invalid type for '" + field + "[" + i + "]': expected a string.", field + "[" + i + "]");
            }
            values.add(node.get(i).asText());
        }
        return values;
    }
}
