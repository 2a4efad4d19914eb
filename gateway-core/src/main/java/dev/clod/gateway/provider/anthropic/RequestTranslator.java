package dev.clod.gateway.provider.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clod.gateway.api.ChatMessage;
import dev.clod.gateway.api.ChatRequest;
import dev.clod.gateway.api.SystemMessage;
import dev.clod.gateway.provider.translation.UntranslatableRequestException;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a Messages API request for the gateway's request:
 *
 * <ul>
 *   <li>system and developer messages, wherever they stand, become the top-level {@code system}, in
 *       order;
 *   <li>{@code max_tokens} is required by Anthropic: the caller's limit, else {@link
 *       #DEFAULT_MAX_TOKENS};
 *   <li>{@code stop} becomes {@code stop_sequences}, {@code user} becomes {@code metadata.user_id};
 *   <li>{@code seed} and fields the gateway does not interpret are not sent: the Messages API has no
 *       place for them; {@code n} above 1 is refused, as Anthropic answers one choice per request.
 * </ul>
 *
 * Messages, tools and JSON output are translated by {@link ContentTranslator} and {@link
 * ToolTranslator}.
 */
final class RequestTranslator {

    /**
     * The output limit when the caller sets none. 4096 is the largest limit every Claude model accepts
     * (Claude 3 Haiku's maximum), so the default never makes a request invalid.
     */
    static final int DEFAULT_MAX_TOKENS = 4096;

    private RequestTranslator() {}

    static MessagesRequest translate(ChatRequest request, boolean stream) {
        JsonNode n = request.extensions().get("n");
        if (n != null && n.isNumber() && n.asInt() > 1) {
            throw new UntranslatableRequestException("n", "Anthropic answers one choice per request; n must be 1");
        }
        ObjectNode body = Wire.NODES.objectNode();
        body.put("model", request.model());
        Integer limit = request.outputLimit();
        body.put("max_tokens", limit != null ? limit : DEFAULT_MAX_TOKENS);

        ToolTranslator.Tools tools = ToolTranslator.translate(request);
        List<String> system = new ArrayList<>();
        for (ChatMessage message : request.messages()) {
            if (message instanceof SystemMessage instruction) {
                system.add(instruction.content());
            }
        }
        if (tools.instruction() != null) {
            system.add(tools.instruction());
        }
        writeSystem(body, system);
        body.set("messages", ContentTranslator.messages(request.messages()));

        if (!request.stop().isEmpty()) {
            ArrayNode stops = body.putArray("stop_sequences");
            request.stop().forEach(stops::add);
        }
        if (request.temperature() != null) {
            body.put("temperature", request.temperature());
        }
        if (request.topP() != null) {
            body.put("top_p", request.topP());
        }
        if (request.user() != null) {
            body.putObject("metadata").put("user_id", request.user());
        }
        if (tools.tools() != null) {
            body.set("tools", tools.tools());
        }
        if (tools.toolChoice() != null) {
            body.set("tool_choice", tools.toolChoice());
        }
        if (stream) {
            body.put("stream", true);
        }
        return new MessagesRequest(body, tools.answerTool());
    }

    /** One instruction is sent as a string, several as text blocks, so that none is merged away. */
    private static void writeSystem(ObjectNode body, List<String> system) {
        if (system.size() == 1) {
            body.put("system", system.get(0));
        } else if (system.size() > 1) {
            ArrayNode blocks = body.putArray("system");
            for (String text : system) {
                blocks.addObject().put("type", "text").put("text", text);
            }
        }
    }
}
