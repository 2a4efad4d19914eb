package dev.clod.gateway.provider.simulated;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Builds a JSON value that satisfies a JSON schema, so the simulated model's tool calls carry
 * arguments a real tool implementation can parse. Strings are filled from a hint (the user's words);
 * enums take their first value; numbers respect a minimum.
 */
final class SchemaExample {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final int MAX_DEPTH = 8;

    private SchemaExample() {}

    static JsonNode valueFor(JsonNode schema, String hint) {
        return valueFor(schema, hint, 0);
    }

    private static JsonNode valueFor(JsonNode schema, String hint, int depth) {
        if (schema == null || !schema.isObject() || depth > MAX_DEPTH) {
            return JSON.textNode(hint);
        }
        JsonNode enumValues = schema.get("enum");
        if (enumValues != null && enumValues.isArray() && !enumValues.isEmpty()) {
            return enumValues.get(0);
        }
        if (schema.has("const")) {
            return schema.get("const");
        }
        for (String combinator : new String[] {"anyOf", "oneOf", "allOf"}) {
            JsonNode options = schema.get(combinator);
            if (options != null && options.isArray() && !options.isEmpty()) {
                return valueFor(options.get(0), hint, depth + 1);
            }
        }
        String type = typeOf(schema);
        return switch (type) {
            case "object" -> objectFor(schema, hint, depth);
            case "array" -> {
                ArrayNode array = JSON.arrayNode();
                array.add(valueFor(schema.get("items"), hint, depth + 1));
                yield array;
            }
            case "integer" -> JSON.numberNode(schema.path("minimum").asLong(1));
            case "number" -> JSON.numberNode(schema.path("minimum").asDouble(1.0));
            case "boolean" -> JSON.booleanNode(true);
            case "null" -> JSON.nullNode();
            default -> JSON.textNode(hint);
        };
    }

    private static String typeOf(JsonNode schema) {
        JsonNode type = schema.get("type");
        if (type == null) {
            return schema.has("properties") ? "object" : "string";
        }
        if (type.isArray()) {
            // ["string", "null"]: the first non-null type is the useful one.
            for (JsonNode option : type) {
                if (!"null".equals(option.asText())) {
                    return option.asText();
                }
            }
            return "null";
        }
        return type.asText();
    }

    private static ObjectNode objectFor(JsonNode schema, String hint, int depth) {
        ObjectNode object = JSON.objectNode();
        JsonNode properties = schema.get("properties");
        if (properties == null || !properties.isObject()) {
            return object;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> property = it.next();
            object.set(property.getKey(), valueFor(property.getValue(), hint, depth + 1));
        }
        return object;
    }
}
