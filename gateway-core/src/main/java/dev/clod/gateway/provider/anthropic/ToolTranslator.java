package dev.clod.gateway.provider.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clod.gateway.api.ChatRequest;
import dev.clod.gateway.api.ResponseFormat;
import dev.clod.gateway.api.Tool;
import dev.clod.gateway.api.ToolChoice;
import java.util.regex.Pattern;

/**
 * Tools, tool choice and JSON output for the Messages API.
 *
 * <p>Tools become {@code {name, description, input_schema}}; {@code tool_choice} {@code auto}, {@code
 * none}, {@code required} and a named function become {@code auto}, {@code none}, {@code any} and
 * {@code {type: tool, name}}; {@code parallel_tool_calls: false} becomes {@code
 * disable_parallel_tool_use: true}.
 *
 * <p>The Messages API has no {@code response_format}. A JSON schema is sent as a tool whose input
 * schema is that schema, and the model is made to call it: its input is the answer, which comes back
 * as text. Anthropic generates tool input to fit the schema but does not promise every constraint
 * holds, so the answer is a JSON object that follows the schema's shape, not a validated one. When the
 * caller offers tools of its own (the model must stay free to call them), when the schema's root is
 * not an object, and for {@code json_object}, the format is asked for in the system prompt instead:
 * the model then usually, but not certainly, answers with JSON only.
 */
final class ToolTranslator {

    /** The answer tool's name when the schema's own name is not a valid tool name. */
    static final String DEFAULT_ANSWER_TOOL = "json_answer";

    static final String JSON_OBJECT_INSTRUCTION =
            "Answer with one JSON object and nothing else: no prose, no code fences.";

    private static final Pattern TOOL_NAME = Pattern.compile("[a-zA-Z0-9_-]{1,64}");

    /**
     * @param tools the {@code tools} array, or null for none
     * @param toolChoice the {@code tool_choice} object, or null to leave Anthropic's default
     * @param answerTool the name of the tool standing for JSON output, or null
     * @param instruction a line to add to the system prompt, or null
     */
    record Tools(ArrayNode tools, ObjectNode toolChoice, String answerTool, String instruction) {}

    private ToolTranslator() {}

    static Tools translate(ChatRequest request) {
        ResponseFormat format = request.responseFormat();
        boolean callerTools = !request.tools().isEmpty();
        if (format != null && format.type() == ResponseFormat.Type.JSON_SCHEMA) {
            if (!callerTools && isObjectSchema(format.schema())) {
                return answerTool(format);
            }
            return withInstruction(callerTools ? callerTools(request) : none(), schemaInstruction(format));
        }
        Tools tools = callerTools ? callerTools(request) : none();
        if (format != null && format.type() == ResponseFormat.Type.JSON_OBJECT) {
            return withInstruction(tools, JSON_OBJECT_INSTRUCTION);
        }
        return tools;
    }

    private static Tools none() {
        return new Tools(null, null, null, null);
    }

    private static Tools withInstruction(Tools tools, String instruction) {
        return new Tools(tools.tools(), tools.toolChoice(), tools.answerTool(), instruction);
    }

    private static Tools callerTools(ChatRequest request) {
        ArrayNode tools = Wire.NODES.arrayNode();
        for (Tool tool : request.tools()) {
            tools.add(tool(tool.name(), tool.description(), tool.parameters()));
        }
        return new Tools(tools, toolChoice(request.toolChoice(), request.parallelToolCalls()), null, null);
    }

    private static ObjectNode toolChoice(ToolChoice choice, Boolean parallel) {
        boolean oneAtATime = Boolean.FALSE.equals(parallel);
        if (choice == null && !oneAtATime) {
            return null;
        }
        ObjectNode out = Wire.NODES.objectNode();
        ToolChoice.Mode mode = choice == null ? ToolChoice.Mode.AUTO : choice.mode();
        switch (mode) {
            case AUTO -> out.put("type", "auto");
            case NONE -> out.put("type", "none");
            case REQUIRED -> out.put("type", "any");
            case FUNCTION -> out.put("type", "tool").put("name", choice.functionName());
        }
        // With "none" no tool is called at all, and Anthropic refuses the flag there.
        if (oneAtATime && mode != ToolChoice.Mode.NONE) {
            out.put("disable_parallel_tool_use", true);
        }
        return out;
    }

    private static Tools answerTool(ResponseFormat format) {
        String name = format.schemaName() != null
                        && TOOL_NAME.matcher(format.schemaName()).matches()
                ? format.schemaName()
                : DEFAULT_ANSWER_TOOL;
        ArrayNode tools = Wire.NODES.arrayNode();
        tools.add(tool(
                name, "Give the answer as this tool's input; it is returned to the user as JSON.", format.schema()));
        ObjectNode choice = Wire.NODES.objectNode().put("type", "tool").put("name", name);
        return new Tools(tools, choice, name, null);
    }

    private static ObjectNode tool(String name, String description, JsonNode parameters) {
        ObjectNode tool = Wire.NODES.objectNode();
        tool.put("name", name);
        if (description != null) {
            tool.put("description", description);
        }
        if (parameters != null && parameters.isObject()) {
            tool.set("input_schema", parameters);
        } else {
            // Anthropic requires an object schema; a function without parameters takes an empty object.
            ObjectNode empty = tool.putObject("input_schema");
            empty.put("type", "object");
            empty.putObject("properties");
        }
        return tool;
    }

    private static boolean isObjectSchema(JsonNode schema) {
        return schema != null
                && schema.isObject()
                && "object".equals(schema.path("type").asText());
    }

    private static String schemaInstruction(ResponseFormat format) {
        String schema = format.schema() == null ? "{}" : format.schema().toString();
        return "Answer with one JSON value that matches this JSON schema and nothing else (no prose, no code"
                + " fences): " + schema;
    }
}
