package dev.clod.gateway.api.json;

import static dev.clod.gateway.api.json.Params.absent;
import static dev.clod.gateway.api.json.Params.invalidType;
import static dev.clod.gateway.api.json.Params.invalidValue;
import static dev.clod.gateway.api.json.Params.missing;
import static dev.clod.gateway.api.json.Params.optionalObject;
import static dev.clod.gateway.api.json.Params.optionalString;
import static dev.clod.gateway.api.json.Params.requiredObject;
import static dev.clod.gateway.api.json.Params.requiredString;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clod.gateway.api.AssistantMessage;
import dev.clod.gateway.api.ChatMessage;
import dev.clod.gateway.api.ContentPart;
import dev.clod.gateway.api.InvalidRequestException;
import dev.clod.gateway.api.MessageContent;
import dev.clod.gateway.api.SystemMessage;
import dev.clod.gateway.api.ToolCall;
import dev.clod.gateway.api.ToolMessage;
import dev.clod.gateway.api.UserMessage;
import java.util.ArrayList;
import java.util.List;

/** Reads the {@code messages} array of a client request, one role at a time. */
final class MessageReader {

    private static final String ROLES = "'system', 'developer', 'user', 'assistant' and 'tool'";

    private MessageReader() {}

    static List<ChatMessage> readMessages(JsonNode node) {
        if (absent(node)) {
            throw missing("messages");
        }
        if (!node.isArray()) {
            throw invalidType("messages", "an array", node);
        }
        if (node.isEmpty()) {
            throw Params.emptyArray("messages");
        }
        List<ChatMessage> messages = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            messages.add(readMessage(node.get(i), "messages[" + i + "]"));
        }
        return messages;
    }

    private static ChatMessage readMessage(JsonNode message, String path) {
        if (!message.isObject()) {
            throw invalidType(path, "an object", message);
        }
        String role = requiredString(message, path, "role");
        switch (role) {
            case "system":
            case "developer":
                return new SystemMessage(
                        joinedText(message, path), optionalString(message, path, "name"), role.equals("developer"));
            case "user":
                return new UserMessage(userContent(message, path), optionalString(message, path, "name"));
            case "assistant":
                return assistant(message, path);
            case "tool":
                return new ToolMessage(requiredString(message, path, "tool_call_id"), joinedText(message, path));
            case "function":
                throw new InvalidRequestException(
                        "The 'function' role is not supported; send tool results as messages with role 'tool' and"
                                + " a 'tool_call_id'.",
                        path + ".role",
                        "invalid_value");
            default:
                throw invalidValue(path + ".role", role, ROLES);
        }
    }

    private static AssistantMessage assistant(JsonNode message, String path) {
        JsonNode content = message.get("content");
        String text = null;
        String refusal = optionalString(message, path, "refusal");
        if (!absent(content)) {
            if (content.isTextual()) {
                text = content.textValue();
            } else if (content.isArray()) {
                // OpenAI allows text and refusal parts in a replayed assistant message.
                StringBuilder joined = new StringBuilder();
                for (int j = 0; j < content.size(); j++) {
                    JsonNode part = content.get(j);
                    String partPath = path + ".content[" + j + "]";
                    String type = partType(part, partPath);
                    if (type.equals("refusal")) {
                        refusal = requiredString(part, partPath, "refusal");
                    } else if (type.equals("text")) {
                        appendLine(joined, requiredString(part, partPath, "text"));
                    } else {
                        throw invalidValue(partPath + ".type", type, "'text' and 'refusal'");
                    }
                }
                text = joined.toString();
            } else {
                throw invalidType(path + ".content", "one of a string or an array of objects", content);
            }
        }
        if (!absent(message.get("function_call"))) {
            throw legacyFunctionCall(path + ".function_call");
        }
        return new AssistantMessage(
                text, toolCalls(message.get("tool_calls"), path), optionalString(message, path, "name"), refusal);
    }

    private static List<ToolCall> toolCalls(JsonNode node, String path) {
        if (absent(node)) {
            return List.of();
        }
        if (!node.isArray()) {
            throw invalidType(path + ".tool_calls", "an array", node);
        }
        List<ToolCall> calls = new ArrayList<>(node.size());
        for (int k = 0; k < node.size(); k++) {
            JsonNode call = node.get(k);
            String callPath = path + ".tool_calls[" + k + "]";
            if (!call.isObject()) {
                throw invalidType(callPath, "an object", call);
            }
            String type = optionalString(call, callPath, "type");
            if (type != null && !type.equals("function")) {
                throw invalidValue(callPath + ".type", type, "'function'");
            }
            String id = requiredString(call, callPath, "id");
            JsonNode function = requiredObject(call, callPath, "function");
            String functionPath = callPath + ".function";
            calls.add(new ToolCall(
                    id,
                    requiredString(function, functionPath, "name"),
                    optionalString(function, functionPath, "arguments")));
        }
        return calls;
    }

    /** Content that must come down to text: a string, or an array of text parts joined by newlines. */
    private static String joinedText(JsonNode message, String path) {
        JsonNode content = message.get("content");
        if (absent(content)) {
            throw missing(path + ".content");
        }
        if (content.isTextual()) {
            return content.textValue();
        }
        if (!content.isArray()) {
            throw invalidType(path + ".content", "one of a string or an array of objects", content);
        }
        if (content.isEmpty()) {
            throw Params.emptyArray(path + ".content");
        }
        StringBuilder joined = new StringBuilder();
        for (int j = 0; j < content.size(); j++) {
            JsonNode part = content.get(j);
            String partPath = path + ".content[" + j + "]";
            String type = partType(part, partPath);
            if (!type.equals("text")) {
                throw invalidValue(partPath + ".type", type, "'text'");
            }
            appendLine(joined, requiredString(part, partPath, "text"));
        }
        return joined.toString();
    }

    private static MessageContent userContent(JsonNode message, String path) {
        JsonNode content = message.get("content");
        if (absent(content)) {
            throw missing(path + ".content");
        }
        if (content.isTextual()) {
            return new MessageContent.Text(content.textValue());
        }
        if (!content.isArray()) {
            throw invalidType(path + ".content", "one of a string or an array of objects", content);
        }
        if (content.isEmpty()) {
            throw Params.emptyArray(path + ".content");
        }
        List<ContentPart> parts = new ArrayList<>(content.size());
        for (int j = 0; j < content.size(); j++) {
            parts.add(userPart(content.get(j), path + ".content[" + j + "]"));
        }
        return new MessageContent.Parts(parts);
    }

    private static ContentPart userPart(JsonNode part, String path) {
        String type = partType(part, path);
        switch (type) {
            case "text":
                return new ContentPart.TextPart(requiredString(part, path, "text"));
            case "image_url":
                JsonNode image = part.get("image_url");
                if (absent(image)) {
                    throw missing(path + ".image_url");
                }
                if (image.isTextual()) {
                    // An early form some clients still send: the URL without the wrapping object.
                    return new ContentPart.ImagePart(image.textValue(), null);
                }
                JsonNode imageObject = optionalObject(part, path, "image_url");
                String imagePath = path + ".image_url";
                return new ContentPart.ImagePart(
                        requiredString(imageObject, imagePath, "url"),
                        optionalString(imageObject, imagePath, "detail"));
            default:
                return new ContentPart.OtherPart(type, part);
        }
    }

    private static String partType(JsonNode part, String path) {
        if (!part.isObject()) {
            throw invalidType(path, "an object", part);
        }
        return requiredString(part, path, "type");
    }

    private static void appendLine(StringBuilder joined, String text) {
        if (joined.length() > 0) {
            joined.append('\n');
        }
        joined.append(text);
    }

    static InvalidRequestException legacyFunctionCall(String param) {
        return new InvalidRequestException(
                "'" + param + "' is the deprecated function-calling form and is not supported; use 'tools',"
                        + " 'tool_choice' and 'tool_calls' instead.",
                param,
                "unsupported_parameter");
    }
}
