package dev.clod.gateway.provider.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clod.gateway.api.ToolCall;
import dev.clod.gateway.provider.translation.ToolArguments;
import java.util.ArrayList;
import java.util.List;

/**
 * The parts of one candidate's content, as a chat answer sees them: {@code text} parts joined, {@code
 * functionCall} parts as tool calls with {@link CallIds generated ids}. Thought summaries ({@code
 * thought: true}), thought signatures and parts this release does not know are left out.
 *
 * @param text the joined text, or null when there was none
 */
record CandidateParts(String text, List<ToolCall> calls) {

    static CandidateParts of(JsonNode content, CallIds ids) {
        StringBuilder text = new StringBuilder();
        boolean sawText = false;
        List<ToolCall> calls = new ArrayList<>();
        for (JsonNode part : content.path("parts")) {
            if (part.path("thought").asBoolean(false)) {
                continue;
            }
            if (part.has("text")) {
                text.append(part.path("text").asText());
                sawText = true;
            } else if (part.has("functionCall")) {
                JsonNode call = part.get("functionCall");
                calls.add(new ToolCall(
                        ids.next(call.path("id").asText(null)),
                        call.path("name").asText(),
                        ToolArguments.write(call.get("args"))));
            }
        }
        return new CandidateParts(sawText ? text.toString() : null, List.copyOf(calls));
    }
}
