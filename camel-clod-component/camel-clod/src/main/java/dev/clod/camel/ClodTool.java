package dev.clod.camel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clod.gateway.api.Tool;
import java.util.Objects;

/**
 * A tool the model may call, run by a Camel endpoint. Bind it as a bean and name it in the {@code tools}
 * option:
 *
 * <pre>{@code
 * ClodTool weather = ClodTool.route("get_weather", "direct:weather")
 *         .description("Current weather in a city")
 *         .parameters("{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}},\"required\":[\"city\"]}");
 * }</pre>
 *
 * The endpoint receives the arguments as a {@code Map} body, and its reply body (text, or anything
 * Jackson can write) goes back to the model. Instances are immutable; each fluent call returns a copy.
 */
public final class ClodTool {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNode NO_PARAMETERS =
            JSON.createObjectNode().put("type", "object").set("properties", JSON.createObjectNode());

    private final String name;
    private final String endpointUri;
    private final String description;
    private final JsonNode parameters;

    private ClodTool(String name, String endpointUri, String description, JsonNode parameters) {
        this.name = name;
        this.endpointUri = endpointUri;
        this.description = description;
        this.parameters = parameters;
    }

    /**
     * A tool named {@code name} (as the model sees it: letters, digits, {@code _} and {@code -}) that
     * runs by sending its arguments to {@code endpointUri}, such as {@code direct:weather}. It takes no
     * parameters until {@link #parameters(String)} says otherwise.
     */
    public static ClodTool route(String name, String endpointUri) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(endpointUri, "endpointUri");
        if (!name.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new IllegalArgumentException(
                    "A tool name has 1 to 64 letters, digits, '_' or '-'; got '" + name + "'");
        }
        return new ClodTool(name, endpointUri, null, NO_PARAMETERS);
    }

    /** What the tool does, in words the model reads to decide when to call it. */
    public ClodTool description(String text) {
        return new ClodTool(name, endpointUri, text, parameters);
    }

    /**
     * The tool's parameters as a JSON schema of type {@code object}.
     *
     * @throws IllegalArgumentException when the text is not a JSON object
     */
    public ClodTool parameters(String jsonSchema) {
        JsonNode schema;
        try {
            schema = JSON.readTree(jsonSchema);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "The parameters of tool '" + name + "' are not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (schema == null || !schema.isObject()) {
            throw new IllegalArgumentException("The parameters of tool '" + name + "' must be a JSON schema object");
        }
        return new ClodTool(name, endpointUri, description, schema);
    }

    public String name() {
        return name;
    }

    public String endpointUri() {
        return endpointUri;
    }

    public String description() {
        return description;
    }

    /** The JSON schema, as text. */
    public String parameters() {
        return parameters.toString();
    }

    /** The tool as offered to the model in a request. */
    Tool toApiTool() {
        return new Tool(name, description, parameters.deepCopy(), null);
    }

    @Override
    public String toString() {
        return "ClodTool[" + name + " -> " + endpointUri + "]";
    }
}
