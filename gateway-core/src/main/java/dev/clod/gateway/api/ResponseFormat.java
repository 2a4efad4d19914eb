package dev.clod.gateway.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/** The shape the answer must take: free text, any JSON object, or JSON matching a schema. */
public record ResponseFormat(Type type, String schemaName, JsonNode schema, Boolean strict) {

    public enum Type {
        TEXT,
        JSON_OBJECT,
        JSON_SCHEMA
    }

    public static final ResponseFormat TEXT = new ResponseFormat(Type.TEXT, null, null, null);
    public static final ResponseFormat JSON_OBJECT = new ResponseFormat(Type.JSON_OBJECT, null, null, null);

    public ResponseFormat {
        Objects.requireNonNull(type, "type");
    }
}
