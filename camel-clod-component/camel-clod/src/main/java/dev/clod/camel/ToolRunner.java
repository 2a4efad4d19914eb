package dev.clod.camel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clod.gateway.api.ToolCall;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.RuntimeCamelException;

/**
 * Runs one tool call by sending its arguments to the tool's endpoint and reading the reply body as the
 * result. Mistakes the model made (a tool that does not exist, arguments that are not a JSON object) go
 * back to the model as an error result it can correct; a tool endpoint that fails fails the exchange.
 */
final class ToolRunner {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};

    private final ProducerTemplate template;
    private final Map<String, ClodTool> byName = new LinkedHashMap<>();

    ToolRunner(ProducerTemplate template, List<ClodTool> tools) {
        this.template = template;
        for (ClodTool tool : tools) {
            byName.put(tool.name(), tool);
        }
    }

    boolean isEmpty() {
        return byName.isEmpty();
    }

    /** The tool's result as text for the model. */
    String run(ToolCall call) {
        ClodTool tool = byName.get(call.name());
        if (tool == null) {
            return error("There is no tool named '" + call.name() + "'. The tools are: " + byName.keySet() + ".");
        }
        Map<String, Object> arguments;
        try {
            arguments = JSON.readValue(call.arguments(), MAP);
        } catch (JsonProcessingException e) {
            return error("The arguments of '" + call.name() + "' must be a JSON object: " + e.getOriginalMessage());
        }
        if (arguments == null) {
            return error("The arguments of '" + call.name() + "' must be a JSON object, not null.");
        }
        Exchange result = template.send(tool.endpointUri(), exchange -> {
            exchange.getMessage().setBody(arguments);
            exchange.getMessage().setHeader(ClodConstants.TOOL_NAME, call.name());
            exchange.getMessage().setHeader(ClodConstants.TOOL_CALL_ID, call.id());
            exchange.getMessage().setHeader(ClodConstants.TOOL_ARGUMENTS, call.arguments());
        });
        if (result.getException() != null) {
            throw RuntimeCamelException.wrapRuntimeException(result.getException());
        }
        return asText(result);
    }

    private static String asText(Exchange result) {
        Object body = result.getMessage().getBody();
        if (body == null) {
            return "";
        }
        if (body instanceof CharSequence || body instanceof byte[] || body instanceof InputStream) {
            return result.getMessage().getBody(String.class);
        }
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "The reply of a tool route could not be written as JSON: "
                            + body.getClass().getName(),
                    e);
        }
    }

    private static String error(String message) {
        ObjectNode error = JSON.createObjectNode();
        error.put("error", message);
        return error.toString();
    }
}
