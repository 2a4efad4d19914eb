package dev.clod.gateway.provider.simulated;

import dev.clod.gateway.api.AssistantMessage;
import dev.clod.gateway.api.ChatMessage;
import dev.clod.gateway.api.ChatRequest;
import dev.clod.gateway.api.FinishReason;
import dev.clod.gateway.api.ResponseFormat;
import dev.clod.gateway.api.Tool;
import dev.clod.gateway.api.ToolCall;
import dev.clod.gateway.api.ToolChoice;
import dev.clod.gateway.api.ToolMessage;
import dev.clod.gateway.api.UserMessage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Decides the simulated model's answer from the conversation, deterministically:
 *
 * <ul>
 *   <li>tools offered and the last message is the user's: call the tool that best matches the user's
 *       words, with arguments valid against its schema;
 *   <li>the last messages are tool results: answer with text that quotes them;
 *   <li>otherwise: a short text answer that quotes the user, as JSON when JSON output was asked for.
 * </ul>
 *
 * The output limit is honoured: a text cut short ends with finish reason {@code length}.
 */
final class ReplyPlanner {

    private static final int EXCERPT_CHARS = 80;

    private final String providerId;

    ReplyPlanner(String providerId) {
        this.providerId = providerId;
    }

    PlannedReply plan(ChatRequest request, String callId) {
        List<ChatMessage> messages = request.messages();
        ChatMessage last = messages.isEmpty() ? null : messages.get(messages.size() - 1);
        boolean toolsAllowed = !request.tools().isEmpty()
                && (request.toolChoice() == null || request.toolChoice().mode() != ToolChoice.Mode.NONE);
        if (toolsAllowed && last instanceof UserMessage user) {
            Tool tool = chooseTool(request, user.content().text());
            String arguments = SchemaExample.valueFor(
                            tool.parameters(), excerpt(user.content().text()))
                    .toString();
            return new PlannedReply.ToolCalls(List.of(new ToolCall(callId, tool.name(), arguments)));
        }
        String text = last instanceof ToolMessage ? quoteToolResults(messages) : answer(lastUserText(messages));
        if (request.responseFormat() != null && request.responseFormat().type() != ResponseFormat.Type.TEXT) {
            text = jsonAnswer(text);
        }
        return limit(tokenize(text), request.outputLimit());
    }

    private static Tool chooseTool(ChatRequest request, String userText) {
        ToolChoice choice = request.toolChoice();
        if (choice != null && choice.mode() == ToolChoice.Mode.FUNCTION) {
            for (Tool tool : request.tools()) {
                if (tool.name().equals(choice.functionName())) {
                    return tool;
                }
            }
        }
        String words = userText.toLowerCase(Locale.ROOT);
        Tool best = request.tools().get(0);
        int bestScore = 0;
        for (Tool tool : request.tools()) {
            int score = 0;
            for (String word : (tool.name().replace('_', ' ') + " " + nullToEmpty(tool.description()))
                    .toLowerCase(Locale.ROOT)
                    .split("[^a-z0-9]+")) {
                if (word.length() > 3 && words.contains(word)) {
                    score++;
                }
            }
            if (score > bestScore) {
                best = tool;
                bestScore = score;
            }
        }
        return best;
    }

    private String answer(String userText) {
        return "This is a simulated answer from " + providerId + ". You asked: \"" + excerpt(userText)
                + "\". A real model would reason about it here; this one only shows that routing, streaming"
                + " and billing work end to end.";
    }

    private static String quoteToolResults(List<ChatMessage> messages) {
        Map<String, String> toolNames = new HashMap<>();
        for (ChatMessage message : messages) {
            if (message instanceof AssistantMessage assistant) {
                for (ToolCall call : assistant.toolCalls()) {
                    toolNames.put(call.id(), call.name());
                }
            }
        }
        List<String> results = new ArrayList<>();
        for (int i = messages.size() - 1; i >= 0 && messages.get(i) instanceof ToolMessage tool; i--) {
            results.add(
                    0, toolNames.getOrDefault(tool.toolCallId(), tool.toolCallId()) + " returned " + tool.content());
        }
        return "From the tools: " + String.join("; ", results) + ".";
    }

    private static String jsonAnswer(String text) {
        return "{\"answer\": \"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
    }

    private static String lastUserText(List<ChatMessage> messages) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i) instanceof UserMessage user) {
                return user.content().text();
            }
        }
        return "";
    }

    private static String excerpt(String text) {
        String flat = text.strip().replaceAll("\\s+", " ");
        return flat.length() <= EXCERPT_CHARS ? flat : flat.substring(0, EXCERPT_CHARS - 3) + "...";
    }

    /** Splits text into word-sized tokens that concatenate back to the text. */
    static List<String> tokenize(String text) {
        List<String> tokens = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == ' ') {
                tokens.add(text.substring(start, i));
                start = i;
            }
        }
        return tokens;
    }

    private static PlannedReply.Text limit(List<String> tokens, Integer outputLimit) {
        if (outputLimit != null && tokens.size() > outputLimit) {
            return new PlannedReply.Text(List.copyOf(tokens.subList(0, outputLimit)), FinishReason.LENGTH);
        }
        return new PlannedReply.Text(tokens, FinishReason.STOP);
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
