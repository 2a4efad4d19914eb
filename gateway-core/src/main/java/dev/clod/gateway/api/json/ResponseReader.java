package dev.clod.gateway.api.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clod.gateway.api.AssistantMessage;
import dev.clod.gateway.api.ChatChunk;
import dev.clod.gateway.api.ChatResponse;
import dev.clod.gateway.api.FinishReason;
import dev.clod.gateway.api.ToolCall;
import dev.clod.gateway.api.Usage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads what OpenAI-compatible upstreams answer. Lenient where servers differ harmlessly (a missing
 * {@code id}, {@code created} or tool-call {@code index}); strict where the answer could not be
 * understood.
 */
final class ResponseReader {

    private ResponseReader() {}

    static ChatResponse readResponse(byte[] body) {
        JsonNode root = tree(body);
        try {
            JsonNode choices = root.path("choices");
            if (!choices.isArray()) {
                throw new MalformedJsonException("chat completion without a 'choices' array", null);
            }
            List<ChatResponse.Choice> read = new ArrayList<>(choices.size());
            for (int i = 0; i < choices.size(); i++) {
                JsonNode choice = choices.get(i);
                JsonNode message = choice.path("message");
                if (!message.isObject()) {
                    throw new MalformedJsonException("choice " + i + " has no 'message' object", null);
                }
                read.add(
                        new ChatResponse.Choice(choice.path("index").asInt(i), message(message), finishReason(choice)));
            }
            return new ChatResponse(
                    text(root, "id", ""),
                    root.path("created").asLong(0),
                    text(root, "model", ""),
                    read,
                    usage(root.get("usage")),
                    text(root, "system_fingerprint", null));
        } catch (MalformedJsonException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new MalformedJsonException("chat completion could not be read: " + e.getMessage(), e);
        }
    }

    private static AssistantMessage message(JsonNode message) {
        List<ToolCall> calls = List.of();
        JsonNode toolCalls = message.get("tool_calls");
        if (toolCalls != null && toolCalls.isArray()) {
            calls = new ArrayList<>(toolCalls.size());
            for (JsonNode call : toolCalls) {
                JsonNode function = call.path("function");
                calls.add(new ToolCall(
                        text(call, "id", ""), text(function, "name", ""), text(function, "arguments", null)));
            }
        }
        return new AssistantMessage(
                text(message, "content", null), calls, text(message, "name", null), text(message, "refusal", null));
    }

    static ChatChunk readChunk(String data) {
        JsonNode root;
        try {
            root = ChatJson.MAPPER.readTree(data);
        } catch (IOException e) {
            throw new MalformedJsonException("stream chunk is not JSON", e);
        }
        checkNotError(root);
        try {
            JsonNode choices = root.path("choices");
            List<ChatChunk.ChunkChoice> read;
            if (choices.isArray()) {
                read = new ArrayList<>(choices.size());
                for (int i = 0; i < choices.size(); i++) {
                    JsonNode choice = choices.get(i);
                    read.add(new ChatChunk.ChunkChoice(
                            choice.path("index").asInt(i), delta(choice.get("delta")), finishReason(choice)));
                }
            } else {
                read = List.of();
            }
            return new ChatChunk(
                    text(root, "id", ""),
                    root.path("created").asLong(0),
                    text(root, "model", ""),
                    read,
                    usage(root.get("usage")));
        } catch (RuntimeException e) {
            throw new MalformedJsonException("stream chunk could not be read: " + e.getMessage(), e);
        }
    }

    private static ChatChunk.Delta delta(JsonNode delta) {
        if (delta == null || !delta.isObject()) {
            return ChatChunk.Delta.EMPTY;
        }
        List<ChatChunk.ToolCallDelta> calls = List.of();
        JsonNode toolCalls = delta.get("tool_calls");
        if (toolCalls != null && toolCalls.isArray()) {
            calls = new ArrayList<>(toolCalls.size());
            for (int k = 0; k < toolCalls.size(); k++) {
                JsonNode call = toolCalls.get(k);
                JsonNode function = call.path("function");
                calls.add(new ChatChunk.ToolCallDelta(
                        call.path("index").asInt(k),
                        text(call, "id", null),
                        text(function, "name", null),
                        text(function, "arguments", null)));
            }
        }
        return new ChatChunk.Delta(
                text(delta, "role", null), text(delta, "content", null), calls, text(delta, "refusal", null));
    }

    private static FinishReason finishReason(JsonNode choice) {
        return FinishReason.fromWire(text(choice, "finish_reason", null));
    }

    private static Usage usage(JsonNode usage) {
        if (usage == null || !usage.isObject()) {
            return null;
        }
        return new Usage(
                usage.path("prompt_tokens").asInt(0),
                usage.path("completion_tokens").asInt(0),
                usage.path("prompt_tokens_details").path("cached_tokens").asInt(0));
    }

    static Optional<ErrorBody> readError(byte[] body) {
        JsonNode root;
        try {
            root = ChatJson.MAPPER.readTree(body);
        } catch (IOException e) {
            return Optional.empty();
        }
        return root == null ? Optional.empty() : error(root);
    }

    private static Optional<ErrorBody> error(JsonNode root) {
        JsonNode error = root.get("error");
        if (error != null && error.isObject()) {
            return Optional.of(errorFields(error));
        }
        if (error != null && error.isTextual()) {
            return Optional.of(new ErrorBody(error.textValue(), null, null, null));
        }
        // Some servers (older vLLM) answer with the error fields at the top level.
        if ("error".equals(text(root, "object", null))) {
            return Optional.of(errorFields(root));
        }
        return Optional.empty();
    }

    private static ErrorBody errorFields(JsonNode error) {
        return new ErrorBody(
                text(error, "message", null),
                text(error, "type", null),
                text(error, "param", null),
                text(error, "code", null));
    }

    private static JsonNode tree(byte[] body) {
        JsonNode root;
        try {
            root = ChatJson.MAPPER.readTree(body);
        } catch (IOException e) {
            throw new MalformedJsonException("chat completion is not JSON", e);
        }
        checkNotError(root);
        return root;
    }

    private static void checkNotError(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new MalformedJsonException("expected a JSON object", null);
        }
        // Only a payload without choices can be an error; a chunk never carries "error" beside them.
        if (!root.has("choices")) {
            Optional<ErrorBody> error = error(root);
            if (error.isPresent()) {
                throw new ErrorBodyException(error.get());
            }
        }
    }

    /** A scalar field as text (numbers included, as some servers send codes as numbers), else the fallback. */
    private static String text(JsonNode parent, String field, String fallback) {
        JsonNode node = parent.get(field);
        if (node == null || !node.isValueNode() || node.isNull()) {
            return fallback;
        }
        return node.asText();
    }
}
