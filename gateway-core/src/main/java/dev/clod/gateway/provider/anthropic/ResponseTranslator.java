package dev.clod.gateway.provider.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clod.gateway.api.AssistantMessage;
import dev.clod.gateway.api.ChatResponse;
import dev.clod.gateway.api.FinishReason;
import dev.clod.gateway.api.ToolCall;
import dev.clod.gateway.provider.translation.ToolArguments;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a Messages API answer ({@code "type": "message"}) as a chat completion: text blocks joined
 * into the content, {@code tool_use} blocks as tool calls with their input as the arguments string,
 * thinking and server-tool blocks left out. The answer tool that stands for JSON output is the
 * content, and its call a normal stop.
 */
final class ResponseTranslator {

    private ResponseTranslator() {}

    /** @throws IllegalArgumentException when the body is not a message */
    static ChatResponse read(byte[] body, String answerTool, Clock clock) {
        JsonNode message;
        try {
            message = Wire.JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("the answer is not JSON", e);
        }
        if (message == null
                || !"message".equals(message.path("type").asText())
                || !message.path("content").isArray()) {
            throw new IllegalArgumentException("the answer is not a message");
        }
        StringBuilder text = new StringBuilder();
        boolean sawText = false;
        boolean answered = false;
        List<ToolCall> calls = new ArrayList<>();
        for (JsonNode block : message.path("content")) {
            switch (block.path("type").asText()) {
                case "text" -> {
                    text.append(block.path("text").asText());
                    sawText = true;
                }
                case "tool_use" -> {
                    String name = block.path("name").asText();
                    String arguments = ToolArguments.write(block.get("input"));
                    if (name.equals(answerTool)) {
                        // The forced answer tool: its input is the JSON answer, any text around it is not.
                        text.setLength(0);
                        text.append(arguments);
                        sawText = true;
                        answered = true;
                    } else {
                        calls.add(new ToolCall(block.path("id").asText(), name, arguments));
                    }
                }
                default -> {
                    // thinking, redacted_thinking and server-tool blocks have no place in a chat completion
                }
            }
            if (answered) {
                break;
            }
        }
        FinishReason finish = answered
                ? FinishReason.STOP
                : StopReasons.of(message.path("stop_reason").asText(null));
        AssistantMessage answer =
                new AssistantMessage(sawText || calls.isEmpty() ? text.toString() : null, calls, null, null);
        return new ChatResponse(
                message.path("id").asText(""),
                clock.instant().getEpochSecond(),
                message.path("model").asText(""),
                List.of(new ChatResponse.Choice(0, answer, finish == null ? FinishReason.STOP : finish)),
                TokenCounts.of(message.get("usage")),
                null);
    }
}
