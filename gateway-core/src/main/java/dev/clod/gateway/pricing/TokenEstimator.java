package dev.clod.gateway.pricing;

import dev.clod.gateway.api.AssistantMessage;
import dev.clod.gateway.api.ChatMessage;
import dev.clod.gateway.api.ChatRequest;
import dev.clod.gateway.api.ContentPart;
import dev.clod.gateway.api.MessageContent;
import dev.clod.gateway.api.SystemMessage;
import dev.clod.gateway.api.Tool;
import dev.clod.gateway.api.ToolCall;
import dev.clod.gateway.api.ToolMessage;
import dev.clod.gateway.api.UserMessage;

/**
 * Estimates token counts before a model has counted them, for pricing candidates and checking context
 * windows. It uses the common rule of thumb of about four characters of English text per token, plus a
 * few tokens of framing per message and a fixed charge per image; upstream counts replace the estimate
 * in every bill.
 */
public final class TokenEstimator {

    private static final int CHARS_PER_TOKEN = 4;
    private static final int TOKENS_PER_MESSAGE = 4;
    private static final int TOKENS_PER_IMAGE = 765;

    private TokenEstimator() {}

    /** Estimated prompt tokens of a request: messages and tool definitions. */
    public static int promptTokens(ChatRequest request) {
        long chars = 0;
        int tokens = 3;
        for (ChatMessage message : request.messages()) {
            tokens += TOKENS_PER_MESSAGE;
            if (message instanceof SystemMessage system) {
                chars += system.content().length();
            } else if (message instanceof UserMessage user) {
                if (user.content() instanceof MessageContent.Parts parts) {
                    for (ContentPart part : parts.parts()) {
                        if (part instanceof ContentPart.TextPart text) {
                            chars += text.text().length();
                        } else {
                            tokens += TOKENS_PER_IMAGE;
                        }
                    }
                } else {
                    chars += user.content().text().length();
                }
            } else if (message instanceof AssistantMessage assistant) {
                chars += assistant.content() == null ? 0 : assistant.content().length();
                for (ToolCall call : assistant.toolCalls()) {
                    chars += call.name().length() + call.arguments().length();
                }
            } else if (message instanceof ToolMessage tool) {
                chars += tool.content().length();
            }
        }
        for (Tool tool : request.tools()) {
            chars += tool.name().length();
            chars += tool.description() == null ? 0 : tool.description().length();
            chars +=
                    tool.parameters() == null ? 0 : tool.parameters().toString().length();
        }
        return (int) Math.min(Integer.MAX_VALUE, tokens + (chars + CHARS_PER_TOKEN - 1) / CHARS_PER_TOKEN);
    }

    /** Estimated tokens of so many characters of generated text. */
    public static int tokensOfChars(long chars) {
        return (int) Math.min(Integer.MAX_VALUE, (chars + CHARS_PER_TOKEN - 1) / CHARS_PER_TOKEN);
    }
}
