package dev.clod.gateway.provider.translation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Tool-call arguments between OpenAI's form (a JSON object written as a string) and the JSON object
 * other APIs carry.
 */
public final class ToolArguments {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ToolArguments() {}

    /**
     * The arguments of a replayed tool call as an object; blank arguments are an empty object.
     *
     * @param param the request parameter that holds them, for the error message
     * @throws UntranslatableRequestException when they are not a JSON object
     */
    public static ObjectNode parse(String arguments, String param) {
        if (arguments == null || arguments.isBlank()) {
            return JSON.createObjectNode();
        }
        JsonNode node;
        try {
            node = JSON.readTree(arguments);
        } catch (JsonProcessingException e) {
            throw new UntranslatableRequestException(param, "the arguments are not valid JSON");
        }
        if (!(node instanceof ObjectNode object)) {
            throw new UntranslatableRequestException(param, "the arguments must be a JSON object");
        }
        return object;
    }

    /** A JSON value as OpenAI's arguments string; null or missing is an empty object. */
    public static String write(JsonNode arguments) {
        if (arguments == null || arguments.isNull() || arguments.isMissingNode()) {
            return "{}";
        }
        return arguments.toString();
    }
}
