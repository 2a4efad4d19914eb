package dev.clod.gateway.provider.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clod.gateway.provider.translation.UntranslatableRequestException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Translates a JSON schema (as OpenAI clients write tool parameters and response formats) into the
 * OpenAPI-style {@code Schema} Gemini accepts. Gemini takes a subset, so:
 *
 * <ul>
 *   <li>{@code type} is upper-cased; a type list with {@code "null"} becomes {@code nullable: true},
 *       several other types an {@code anyOf};
 *   <li>local {@code $ref}s ({@code #/$defs/…}, {@code #/definitions/…}) are inlined; a recursive
 *       schema cannot be inlined and is refused;
 *   <li>{@code oneOf} becomes {@code anyOf}; {@code allOf} is merged into one object schema;
 *   <li>{@code const} becomes a one-value {@code enum}; an {@code enum} of anything but strings, which
 *       Gemini cannot hold, is dropped and its values written into the description;
 *   <li>{@code format} is kept only where Gemini knows it ({@code date-time} and {@code enum} for
 *       strings, {@code int32}/{@code int64}, {@code float}/{@code double});
 *   <li>{@code additionalProperties}, {@code patternProperties}, {@code $schema}, {@code examples}
 *       and every other keyword outside Gemini's subset are dropped: the model no longer sees them;
 *   <li>for response schemas, {@code propertyOrdering} keeps the properties in the order written,
 *       since Gemini otherwise orders them alphabetically.
 * </ul>
 */
final class SchemaTranslator {

    private static final int MAX_DEPTH = 32;

    /** Keywords copied as they are. */
    private static final List<String> COPIED = List.of(
            "title",
            "minItems",
            "maxItems",
            "minProperties",
            "maxProperties",
            "minLength",
            "maxLength",
            "pattern",
            "minimum",
            "maximum",
            "example",
            "default");

    private static final Map<String, Set<String>> FORMATS = Map.of(
            "STRING", Set.of("date-time", "enum"),
            "INTEGER", Set.of("int32", "int64"),
            "NUMBER", Set.of("float", "double"));

    private final JsonNode root;
    private final String param;
    private final boolean ordered;
    private final Set<String> resolving = new HashSet<>();

    private SchemaTranslator(JsonNode root, String param, boolean ordered) {
        this.root = root;
        this.param = param;
        this.ordered = ordered;
    }

    /**
     * @param param the request parameter holding the schema, for error messages
     * @param ordered whether to add {@code propertyOrdering} (for response schemas)
     * @throws UntranslatableRequestException for a recursive schema or a {@code $ref} that leads nowhere
     */
    static ObjectNode translate(JsonNode schema, String param, boolean ordered) {
        return new SchemaTranslator(schema, param, ordered).schema(schema, 0);
    }

    /** Whether a schema describes an object without any property (Gemini refuses those as parameters). */
    static boolean isEmptyObject(ObjectNode translated) {
        return "OBJECT".equals(translated.path("type").asText())
                && translated.path("properties").isEmpty();
    }

    private ObjectNode schema(JsonNode schema, int depth) {
        ObjectNode out = Wire.NODES.objectNode();
        if (schema == null || !schema.isObject()) {
            return out;
        }
        if (depth > MAX_DEPTH) {
            throw new UntranslatableRequestException(param, "the schema is nested too deeply for Gemini");
        }
        if (schema.has("allOf")) {
            schema = merged(schema);
        }
        if (schema.has("$ref")) {
            return reference(schema, depth);
        }
        type(schema, out);
        if (schema.hasNonNull("description")) {
            out.put("description", schema.get("description").asText());
        }
        for (String keyword : COPIED) {
            if (schema.has(keyword)) {
                out.set(keyword, schema.get(keyword));
            }
        }
        format(schema, out);
        enumeration(schema, out);
        if (schema.path("properties").isObject()) {
            properties(schema, out, depth);
        }
        if (schema.path("items").isObject()) {
            out.set("items", schema(schema.get("items"), depth + 1));
        } else if (schema.path("items").isArray() && !schema.path("items").isEmpty()) {
            // A tuple: Gemini has one item schema, the first position's is the best guess.
            out.set("items", schema(schema.get("items").get(0), depth + 1));
        }
        JsonNode alternatives = schema.has("anyOf") ? schema.get("anyOf") : schema.get("oneOf");
        if (alternatives != null && alternatives.isArray()) {
            anyOf(alternatives, out, depth);
        }
        return out;
    }

    private void type(JsonNode schema, ObjectNode out) {
        JsonNode type = schema.get("type");
        if (type == null) {
            if (schema.has("properties")) {
                out.put("type", "OBJECT");
            }
            return;
        }
        if (type.isTextual()) {
            if (type.asText().equals("null")) {
                out.put("nullable", true);
            } else {
                out.put("type", type.asText().toUpperCase(Locale.ROOT));
            }
            return;
        }
        List<String> types = new ArrayList<>();
        for (JsonNode option : type) {
            if (option.asText().equals("null")) {
                out.put("nullable", true);
            } else {
                types.add(option.asText().toUpperCase(Locale.ROOT));
            }
        }
        if (types.size() == 1) {
            out.put("type", types.get(0));
        } else if (types.size() > 1) {
            ArrayNode anyOf = out.putArray("anyOf");
            types.forEach(t -> anyOf.addObject().put("type", t));
        }
    }

    private void format(JsonNode schema, ObjectNode out) {
        String format = schema.path("format").asText(null);
        if (format != null
                && FORMATS.getOrDefault(out.path("type").asText(), Set.of()).contains(format)) {
            out.put("format", format);
        }
    }

    private void enumeration(JsonNode schema, ObjectNode out) {
        ArrayNode values = Wire.NODES.arrayNode();
        if (schema.path("enum").isArray()) {
            values.addAll((ArrayNode) schema.get("enum"));
        } else if (schema.has("const")) {
            values.add(schema.get("const"));
        }
        if (values.isEmpty()) {
            return;
        }
        boolean allText = true;
        for (JsonNode value : values) {
            allText &= value.isTextual();
        }
        if (allText) {
            out.set("enum", values);
            if (!out.has("type")) {
                out.put("type", "STRING");
            }
        } else {
            List<String> written = new ArrayList<>();
            values.forEach(v -> written.add(v.toString()));
            String allowed = "One of: " + String.join(", ", written) + ".";
            String description = out.path("description").asText("");
            out.put("description", description.isEmpty() ? allowed : description + " " + allowed);
        }
    }

    private void properties(JsonNode schema, ObjectNode out, int depth) {
        if (!out.has("type")) {
            out.put("type", "OBJECT");
        }
        ObjectNode properties = out.putObject("properties");
        ArrayNode ordering = Wire.NODES.arrayNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.get("properties").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> property = it.next();
            properties.set(property.getKey(), schema(property.getValue(), depth + 1));
            ordering.add(property.getKey());
        }
        ArrayNode required = Wire.NODES.arrayNode();
        for (JsonNode name : schema.path("required")) {
            if (properties.has(name.asText())) {
                required.add(name.asText());
            }
        }
        if (!required.isEmpty()) {
            out.set("required", required);
        }
        if (ordered && ordering.size() > 1) {
            out.set("propertyOrdering", ordering);
        }
    }

    private void anyOf(JsonNode alternatives, ObjectNode out, int depth) {
        ArrayNode anyOf = Wire.NODES.arrayNode();
        for (JsonNode alternative : alternatives) {
            ObjectNode translated = schema(alternative, depth + 1);
            // {"type": "null"} as an alternative is Gemini's nullable.
            if (translated.size() == 1 && translated.path("nullable").asBoolean()) {
                out.put("nullable", true);
            } else {
                anyOf.add(translated);
            }
        }
        if (anyOf.size() == 1 && !out.has("type")) {
            anyOf.get(0).fields().forEachRemaining(field -> {
                if (!out.has(field.getKey())) {
                    out.set(field.getKey(), field.getValue());
                }
            });
        } else if (!anyOf.isEmpty()) {
            out.set("anyOf", anyOf);
        }
    }

    private ObjectNode reference(JsonNode schema, int depth) {
        String ref = schema.get("$ref").asText();
        JsonNode target = null;
        if (ref.equals("#")) {
            target = root;
        } else if (ref.startsWith("#/")) {
            target = root.at(ref.substring(1));
        }
        if (target == null || target.isMissingNode() || !target.isObject()) {
            throw new UntranslatableRequestException(
                    param,
                    "the schema's $ref '" + ref + "' does not point into the schema; Gemini takes no references");
        }
        if (!resolving.add(ref)) {
            throw new UntranslatableRequestException(
                    param,
                    "the schema is recursive ($ref '" + ref + "'); Gemini takes only schemas that can be inlined");
        }
        try {
            ObjectNode translated = schema(target, depth + 1);
            // Keywords beside the $ref (a description, say) refine the referenced schema.
            if (schema.hasNonNull("description")) {
                translated.put("description", schema.get("description").asText());
            }
            return translated;
        } finally {
            resolving.remove(ref);
        }
    }

    /** The schema with its {@code allOf} members' properties, requirements and type folded in. */
    private static JsonNode merged(JsonNode schema) {
        ObjectNode merged = ((ObjectNode) schema).deepCopy();
        merged.remove("allOf");
        for (JsonNode member : schema.get("allOf")) {
            member.fields().forEachRemaining(field -> {
                String key = field.getKey();
                if (key.equals("properties") && field.getValue().isObject()) {
                    ObjectNode properties = merged.has("properties")
                            ? (ObjectNode) merged.get("properties")
                            : merged.putObject("properties");
                    properties.setAll((ObjectNode) field.getValue());
                } else if (key.equals("required") && field.getValue().isArray()) {
                    ArrayNode required =
                            merged.has("required") ? (ArrayNode) merged.get("required") : merged.putArray("required");
                    required.addAll((ArrayNode) field.getValue());
                } else if (!merged.has(key)) {
                    merged.set(key, field.getValue());
                }
            });
        }
        return merged;
    }
}
