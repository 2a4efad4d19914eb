package dev.clod.gateway.provider.translation;

import dev.clod.gateway.api.AssistantMessage;
import dev.clod.gateway.api.ChatMessage;
import dev.clod.gateway.api.ToolCall;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every tool call the assistant made in a conversation, by id, so a tool result can be matched to the
 * call it answers. The ids may come from any provider family: the conversation may have started on
 * another upstream.
 */
public final class ToolCallIndex {

    private final Map<String, ToolCall> calls = new HashMap<>();
    private final Map<String, Integer> positions = new HashMap<>();

    private ToolCallIndex() {}

    public static ToolCallIndex of(List<ChatMessage> messages) {
        ToolCallIndex index = new ToolCallIndex();
        for (ChatMessage message : messages) {
            if (message instanceof AssistantMessage assistant) {
                List<ToolCall> toolCalls = assistant.toolCalls();
                for (int i = 0; i < toolCalls.size(); i++) {
                    index.calls.put(toolCalls.get(i).id(), toolCalls.get(i));
                    index.positions.put(toolCalls.get(i).id(), i);
                }
            }
        }
        return index;
    }

    /**
     * The call a tool result answers.
     *
     * @param param the request parameter of the result, for the error message
     * @throws UntranslatableRequestException when no earlier assistant message made that call
     */
    public ToolCall answered(String toolCallId, String param) {
        ToolCall call = calls.get(toolCallId);
        if (call == null) {
            throw new UntranslatableRequestException(
                    param, "tool_call_id '" + toolCallId + "' answers no tool call of an earlier assistant message");
        }
        return call;
    }

    /** Where the call stood among its message's tool calls (0 for the first); unknown ids come last. */
    public int position(String toolCallId) {
        return positions.getOrDefault(toolCallId, Integer.MAX_VALUE);
    }
}
