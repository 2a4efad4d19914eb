package dev.clod.gateway.provider.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clod.gateway.api.ChatChunk;
import dev.clod.gateway.api.FinishReason;
import dev.clod.gateway.api.UpstreamException;
import dev.clod.gateway.provider.StreamListener;
import dev.clod.gateway.provider.http.EventStream;
import dev.clod.gateway.provider.http.TransportFailures;
import java.io.IOException;
import java.net.http.HttpHeaders;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Messages API stream as chat-completion chunks:
 *
 * <ul>
 *   <li>{@code message_start} gives the id, model and input counts; nothing is sent yet, so an error
 *       right after it can still be retried on another deployment;
 *   <li>{@code content_block_start} of a {@code tool_use} block opens a tool call (id, name, empty
 *       arguments) and {@code input_json_delta}s add its arguments. The call's {@code index} counts
 *       tool calls, 0, 1, …, as OpenAI's does, not content blocks: a text block before the calls
 *       shifts nothing. A call whose input had no delta gets {@code {}};
 *   <li>{@code text_delta}s are content; thinking blocks and their deltas are left out;
 *   <li>{@code message_delta} gives the finish reason (a chunk with an empty delta) and the final
 *       counts; {@code message_stop} sends the usage-only chunk and ends the stream;
 *   <li>{@code ping} and event types this release does not know are ignored, as Anthropic asks; an
 *       {@code error} event fails the stream, classed by its type.
 * </ul>
 *
 * The first chunk sent carries {@code role: assistant}. A stream that closes after the finish reason
 * but before {@code message_stop} still completes; one that closes before it fails as transient.
 */
final class MessageEvents extends EventStream {

    private final String answerTool;
    private final Clock clock;

    // Guarded by this (EventStream calls every hook under its monitor).
    private final TokenCounts counts = new TokenCounts();
    private final Map<Integer, Integer> toolIndexOfBlock = new HashMap<>();
    private final Set<Integer> answerBlocks = new HashSet<>();
    private final Set<Integer> blocksWithInput = new HashSet<>();
    private String id = "";
    private String model = "";
    private long created;
    private boolean roleSent;
    private FinishReason finishReason;

    MessageEvents(StreamListener listener, String deployment, String answerTool, Clock clock) {
        super(listener, deployment);
        this.answerTool = answerTool;
        this.clock = clock;
    }

    @Override
    protected UpstreamException errorAnswer(int status, HttpHeaders headers, byte[] body) {
        return AnthropicErrors.ofStatus(status, headers, body, deployment());
    }

    @Override
    protected void onEvent(String event, String data) {
        JsonNode json;
        try {
            json = Wire.JSON.readTree(data);
        } catch (IOException e) {
            fail(TransportFailures.malformed(status(), "a Messages API event", e, deployment()));
            return;
        }
        String type = json.path("type").asText(event == null ? "" : event);
        switch (type) {
            case "message_start" -> start(json.path("message"));
            case "content_block_start" -> blockStart(json.path("index").asInt(), json.path("content_block"));
            case "content_block_delta" -> blockDelta(json.path("index").asInt(), json.path("delta"));
            case "content_block_stop" -> blockStop(json.path("index").asInt());
            case "message_delta" -> messageDelta(json);
            case "message_stop" -> finish();
            case "error" -> fail(AnthropicErrors.ofEvent(json, deployment()));
            default -> {
                // ping, and event types added after this release
            }
        }
    }

    private void start(JsonNode message) {
        id = message.path("id").asText("");
        model = message.path("model").asText("");
        created = clock.instant().getEpochSecond();
        counts.update(message.path("usage"));
    }

    private void blockStart(int block, JsonNode content) {
        String type = content.path("type").asText();
        if (type.equals("text")) {
            text(content.path("text").asText(""));
        } else if (type.equals("tool_use")) {
            String name = content.path("name").asText();
            if (name.equals(answerTool)) {
                answerBlocks.add(block);
                return;
            }
            int index = toolIndexOfBlock.size();
            toolIndexOfBlock.put(block, index);
            send(
                    new ChatChunk.Delta(
                            null,
                            null,
                            List.of(new ChatChunk.ToolCallDelta(
                                    index, content.path("id").asText(), name, "")),
                            null),
                    null);
        }
    }

    private void blockDelta(int block, JsonNode delta) {
        String type = delta.path("type").asText();
        if (type.equals("text_delta")) {
            text(delta.path("text").asText(""));
        } else if (type.equals("input_json_delta")) {
            String fragment = delta.path("partial_json").asText("");
            if (fragment.isEmpty()) {
                return;
            }
            blocksWithInput.add(block);
            if (answerBlocks.contains(block)) {
                text(fragment);
            } else if (toolIndexOfBlock.containsKey(block)) {
                arguments(toolIndexOfBlock.get(block), fragment);
            }
        }
    }

    private void blockStop(int block) {
        if (blocksWithInput.contains(block)) {
            return;
        }
        // A call without input still needs arguments a client can parse.
        if (answerBlocks.contains(block)) {
            text("{}");
        } else if (toolIndexOfBlock.containsKey(block)) {
            arguments(toolIndexOfBlock.get(block), "{}");
        }
    }

    private void messageDelta(JsonNode json) {
        counts.update(json.path("usage"));
        String stopReason = json.path("delta").path("stop_reason").asText(null);
        if (stopReason == null) {
            return;
        }
        finishReason = answerBlocks.isEmpty() ? StopReasons.of(stopReason) : FinishReason.STOP;
        send(ChatChunk.Delta.EMPTY, finishReason);
    }

    private void finish() {
        if (finishReason == null) {
            fail(TransportFailures.cutShort(status(), deployment()));
            return;
        }
        if (emit(new ChatChunk(id, created, model, List.of(), counts.usage()))) {
            complete();
        }
    }

    @Override
    protected void onEnd() {
        // A stream cut after its finish reason lost only the closing event.
        finish();
    }

    private void text(String text) {
        if (!text.isEmpty()) {
            send(ChatChunk.Delta.text(text), null);
        }
    }

    private void arguments(int index, String fragment) {
        send(
                new ChatChunk.Delta(
                        null, null, List.of(new ChatChunk.ToolCallDelta(index, null, null, fragment)), null),
                null);
    }

    private void send(ChatChunk.Delta delta, FinishReason finish) {
        if (!roleSent) {
            roleSent = true;
            delta = new ChatChunk.Delta("assistant", delta.content(), delta.toolCalls(), delta.refusal());
        }
        emit(new ChatChunk(id, created, model, List.of(new ChatChunk.ChunkChoice(0, delta, finish)), null));
    }
}
