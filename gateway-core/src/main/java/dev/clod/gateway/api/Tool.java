package dev.clod.gateway.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/** A function offered to the model, with its parameters as a JSON schema. */
public record Tool(String name, String description, JsonNode parameters, Boolean strict) {

    public Tool {
        Objects.requireNonNull(name, "name");
    }
}
