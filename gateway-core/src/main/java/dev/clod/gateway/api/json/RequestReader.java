package dev.clod.gateway.api.json;

import static dev.clod.gateway.api.json.Params.absent;
import static dev.clod.gateway.api.json.Params.invalidType;
import static dev.clod.gateway.api.json.Params.invalidValue;
import static dev.clod.gateway.api.json.Params.missing;
import static dev.clod.gateway.api.json.Params.optionalBoolean;
import static dev.clod.gateway.api.json.Params.optionalObject;
import static dev.clod.gateway.api.json.Params.optionalString;
import static dev.clod.gateway.api.json.Params.requiredObject;
import static dev.clod.gateway.api.json.Params.requiredString;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clod.gateway.api.ChatRequest;
import dev.clod.gateway.api.InvalidRequestException;
import dev.clod.gateway.api.ResponseFormat;
import dev.clod.gateway.api.Tool;
import dev.clod.gateway.api.ToolChoice;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads and validates a client's chat-completions request body. */
final class RequestReader {

    /** The fields read into {@link ChatRequest}'s own components; every other one is an extension. */
    static final Set<String> KNOWN_FIELDS = Set.of(
            "model",
            "messages",
            "stream",
            "stream_options",
            "max_tokens",
            "max_completion_tokens",
            "temperature",
            "top_p",
            "stop",
            "seed",
            "user",
            "tools",
            "tool_choice",
            "parallel_tool_calls",
            "response_format");

    private static final int MAX_STOP_SEQUENCES = 4;
    private static final int MAX_FUNCTION_NAME = 64;

    private RequestReader() {}

    static ChatRequest read(byte[] body) {
        JsonNode root;
        try {
            root = ChatJson.MAPPER.readTree(body);
        } catch (IOException e) {
            throw unparseable();
        }
        if (root == null || root.isMissingNode()) {
            throw unparseable();
        }
        if (!root.isObject()) {
            throw new InvalidRequestException(
                    "The request body must be a JSON object, but got " + Params.describe(root) + " instead.", null);
        }
        return read(root);
    }

    private static ChatRequest read(JsonNode root) {
        ChatRequest.Builder request = ChatRequest.builder(null);
        String model = null;
        boolean sawMessages = false;
        boolean stream = false;
        boolean includeUsage = false;
        Map<String, JsonNode> extensions = null;
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            JsonNode value = field.getValue();
            switch (field.getKey()) {
                case "model" -> model = absent(value) ? null : Params.requiredString(root, "", "model");
                case "messages" -> {
                    request.messages(MessageReader.readMessages(value));
                    sawMessages = true;
                }
                case "stream" -> stream = Boolean.TRUE.equals(optionalBoolean(value, "stream"));
                case "stream_options" -> {
                    JsonNode options = optionalObject(root, "", "stream_options");
                    includeUsage = options != null
                            && Boolean.TRUE.equals(
                                    optionalBoolean(options.get("include_usage"), "stream_options.include_usage"));
                }
                case "max_tokens" -> request.maxTokens(Params.optionalPositiveInt(value, "max_tokens"));
                case "max_completion_tokens" ->
                    request.maxCompletionTokens(Params.optionalPositiveInt(value, "max_completion_tokens"));
                case "temperature" -> request.temperature(Params.optionalDecimal(value, "temperature", 0, 2));
                case "top_p" -> request.topP(Params.optionalDecimal(value, "top_p", 0, 1));
                case "stop" -> request.stop(stop(value));
                case "seed" -> request.seed(Params.optionalLong(value, "seed"));
                case "user" -> request.user(optionalString(root, "", "user"));
                case "tools" -> request.tools(tools(value));
                case "tool_choice" -> request.toolChoice(toolChoice(value));
                case "parallel_tool_calls" -> request.parallelToolCalls(optionalBoolean(value, "parallel_tool_calls"));
                case "response_format" -> request.responseFormat(responseFormat(value));
                case "functions", "function_call" -> {
                    if (!absent(value)) {
                        throw MessageReader.legacyFunctionCall(field.getKey());
                    }
                }
                default -> {
                    if (!absent(value)) {
                        if (extensions == null) {
                            extensions = new LinkedHashMap<>();
                        }
                        extensions.put(field.getKey(), value);
                    }
                }
            }
        }
        if (model == null) {
            throw missing("model");
        }
        if (!sawMessages) {
            throw missing("messages");
        }
        ChatRequest built = request.model(model).stream(stream)
                // include_usage means nothing without a stream; dropping it keeps one meaning per request.
                .includeUsage(stream && includeUsage)
                .extensions(extensions)
                .build();
        checkToolChoice(built);
        return built;
    }

    private static List<String> stop(JsonNode node) {
        if (absent(node)) {
            return List.of();
        }
        if (node.isTextual()) {
            return List.of(node.textValue());
        }
        if (!node.isArray()) {
            throw invalidType("stop", "one of a string or an array of strings", node);
        }
        if (node.size() > MAX_STOP_SEQUENCES) {
            throw new InvalidRequestException(
                    "Invalid 'stop': array too long. Expected an array with maximum length " + MAX_STOP_SEQUENCES
                            + ", but got an array with length " + node.size() + " instead.",
                    "stop",
                    "array_above_max_length");
        }
        List<String> stop = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            if (!node.get(i).isTextual()) {
                throw invalidType("stop[" + i + "]", "a string", node.get(i));
            }
            stop.add(node.get(i).textValue());
        }
        return stop;
    }

    private static List<Tool> tools(JsonNode node) {
        if (absent(node)) {
            return List.of();
        }
        if (!node.isArray()) {
            throw invalidType("tools", "an array", node);
        }
        List<Tool> tools = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            JsonNode tool = node.get(i);
            String path = "tools[" + i + "]";
            if (!tool.isObject()) {
                throw invalidType(path, "an object", tool);
            }
            String type = optionalString(tool, path, "type");
            if (type != null && !type.equals("function")) {
                throw invalidValue(path + ".type", type, "'function'");
            }
            JsonNode function = requiredObject(tool, path, "function");
            String functionPath = path + ".function";
            String name = requiredString(function, functionPath, "name");
            if (!validFunctionName(name)) {
                throw new InvalidRequestException(
                        "Invalid '" + functionPath + ".name': string does not match pattern. Expected a string"
                                + " that matches the pattern '^[a-zA-Z0-9_-]{1," + MAX_FUNCTION_NAME + "}$'.",
                        functionPath + ".name",
                        "invalid_value");
            }
            tools.add(new Tool(
                    name,
                    optionalString(function, functionPath, "description"),
                    optionalObject(function, functionPath, "parameters"),
                    optionalBoolean(function.get("strict"), functionPath + ".strict")));
        }
        return tools;
    }

    private static boolean validFunctionName(String name) {
        if (name.isEmpty() || name.length() > MAX_FUNCTION_NAME) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok =
                    (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static ToolChoice toolChoice(JsonNode node) {
        if (absent(node)) {
            return null;
        }
        if (node.isTextual()) {
            return switch (node.textValue()) {
                case "auto" -> ToolChoice.AUTO;
                case "none" -> ToolChoice.NONE;
                case "required" -> ToolChoice.REQUIRED;
                default -> throw invalidValue("tool_choice", node.textValue(), "'none', 'auto' and 'required'");
            };
        }
        if (!node.isObject()) {
            throw invalidType("tool_choice", "one of a string or an object", node);
        }
        String type = requiredString(node, "tool_choice", "type");
        if (!type.equals("function")) {
            throw invalidValue("tool_choice.type", type, "'function'");
        }
        JsonNode function = requiredObject(node, "tool_choice", "function");
        return ToolChoice.function(requiredString(function, "tool_choice.function", "name"));
    }

    private static void checkToolChoice(ChatRequest request) {
        ToolChoice choice = request.toolChoice();
        if (choice == null) {
            return;
        }
        boolean needsTools = choice.mode() == ToolChoice.Mode.REQUIRED || choice.mode() == ToolChoice.Mode.FUNCTION;
        if (needsTools && request.tools().isEmpty()) {
            throw new InvalidRequestException(
                    "Invalid value for 'tool_choice': 'tool_choice' is only allowed when 'tools' are specified.",
                    "tool_choice",
                    "invalid_value");
        }
        if (choice.mode() == ToolChoice.Mode.FUNCTION
                && request.tools().stream().noneMatch(t -> t.name().equals(choice.functionName()))) {
            throw new InvalidRequestException(
                    "Invalid value for 'tool_choice': function '" + choice.functionName()
                            + "' is not one of the functions in 'tools'.",
                    "tool_choice.function.name",
                    "invalid_value");
        }
    }

    private static ResponseFormat responseFormat(JsonNode node) {
        if (absent(node)) {
            return null;
        }
        if (!node.isObject()) {
            throw invalidType("response_format", "an object", node);
        }
        String type = requiredString(node, "response_format", "type");
        switch (type) {
            case "text":
                return ResponseFormat.TEXT;
            case "json_object":
                return ResponseFormat.JSON_OBJECT;
            case "json_schema":
                JsonNode schema = requiredObject(node, "response_format", "json_schema");
                String path = "response_format.json_schema";
                return new ResponseFormat(
                        ResponseFormat.Type.JSON_SCHEMA,
                        requiredString(schema, path, "name"),
                        optionalObject(schema, path, "schema"),
                        optionalBoolean(schema.get("strict"), path + ".strict"));
            default:
                throw invalidValue("response_format.type", type, "'text', 'json_object' and 'json_schema'");
        }
    }

    private static InvalidRequestException unparseable() {
        return new InvalidRequestException(
                "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your"
                        + " HTTP library correctly. The OpenAI-compatible API expects a JSON payload, but what was"
                        + " sent was not valid JSON.)",
                null);
    }
}
