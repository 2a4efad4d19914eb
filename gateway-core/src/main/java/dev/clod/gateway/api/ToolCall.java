package dev.clod.gateway.api;

import java.util.Objects;

/** A function the model asks the caller to run; {@code arguments} is a JSON object as a string. */
public record ToolCall(String id, String name, String arguments) {

    public ToolCall {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        arguments = arguments == null ? "{}" : arguments;
    }
}
