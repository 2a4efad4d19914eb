package dev.clod.examples.tools;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a JSON value against the part of JSON Schema the example's tools use: {@code type},
 * {@code properties}, {@code required}, {@code additionalProperties: false}, {@code enum} and
 * {@code exclusiveMinimum}. A schema with any other keyword is refused, so a tool whose schema grows
 * fails this check instead of passing it unchecked.
 */
final class SchemaCheck {

    private static final Set<String> KNOWN =
            Set.of("type", "properties", "required", "additionalProperties", "enum", "exclusiveMinimum", "description");

    private SchemaCheck() {}

    /** The ways {@code value} breaks {@code schema}; empty when it is valid. */
    static List<String> violations(JsonNode schema, JsonNode value) {
        List<String> found = new ArrayList<>();
        check(schema, value, "$", found);
        return found;
    }

    private static void check(JsonNode schema, JsonNode value, String path, List<String> found) {
        for (Iterator<String> keywords = schema.fieldNames(); keywords.hasNext(); ) {
            String keyword = keywords.next();
            if (!KNOWN.contains(keyword)) {
                throw new IllegalArgumentException("keyword '" + keyword + "' at " + path + " is not checked here");
            }
        }
        String type = schema.path("type").asText();
        boolean typed =
                switch (type) {
                    case "object" -> value.isObject();
                    case "string" -> value.isTextual();
                    case "number" -> value.isNumber();
                    case "integer" -> value.isIntegralNumber();
                    case "boolean" -> value.isBoolean();
                    default ->
                        throw new IllegalArgumentException("type '" + type + "' at " + path + " is not checked here");
                };
        if (!typed) {
            found.add(path + " is not of type " + type + ": " + value);
            return;
        }
        if (schema.has("enum")) {
            boolean listed = false;
            for (JsonNode option : schema.get("enum")) {
                listed |= option.equals(value);
            }
            if (!listed) {
                found.add(path + " = " + value + " is not one of " + schema.get("enum"));
            }
        }
        if (schema.has("exclusiveMinimum")
                && value.decimalValue().compareTo(schema.get("exclusiveMinimum").decimalValue()) <= 0) {
            found.add(path + " = " + value + " is not above " + schema.get("exclusiveMinimum"));
        }
        if (value.isObject()) {
            for (JsonNode required : schema.path("required")) {
                if (!value.has(required.asText())) {
                    found.add(path + " lacks the required '" + required.asText() + "'");
                }
            }
            JsonNode properties = schema.path("properties");
            for (Iterator<Map.Entry<String, JsonNode>> fields = value.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (properties.has(field.getKey())) {
                    check(properties.get(field.getKey()), field.getValue(), path + "." + field.getKey(), found);
                } else if (schema.path("additionalProperties").isBoolean()
                        && !schema.get("additionalProperties").asBoolean()) {
                    found.add(path + " has '" + field.getKey() + "', which the schema does not allow");
                }
            }
        }
    }
}
