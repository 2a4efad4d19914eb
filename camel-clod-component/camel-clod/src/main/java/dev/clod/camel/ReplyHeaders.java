package dev.clod.camel;

import dev.clod.gateway.api.ChatResponse;
import dev.clod.gateway.api.Usage;
import java.math.BigDecimal;
import org.apache.camel.Message;

/** Writes the {@code CamelClod*} headers that describe an answer. */
final class ReplyHeaders {

    private ReplyHeaders() {}

    /** Removes what an earlier call on the same exchange wrote, so no stale value survives. */
    static void clear(Message message) {
        for (String header : ClodConstants.OUTPUT_HEADERS) {
            message.removeHeader(header);
        }
    }

    static void usage(Message message, Usage usage) {
        message.setHeader(ClodConstants.PROMPT_TOKENS, usage.promptTokens());
        message.setHeader(ClodConstants.COMPLETION_TOKENS, usage.completionTokens());
        message.setHeader(ClodConstants.TOTAL_TOKENS, usage.totalTokens());
    }

    /** Headers for a complete answer, with usage and cost summed over every call that led to it. */
    static void answer(Message message, ChatReply last, Usage usage, BigDecimal costUsd) {
        last.route().applyTo(message);
        usage(message, usage);
        if (costUsd != null) {
            message.setHeader(ClodConstants.COST_USD, costUsd);
        }
        ChatResponse response = last.response();
        if (!response.choices().isEmpty()) {
            var finish = response.choices().get(0).finishReason();
            if (finish != null) {
                message.setHeader(ClodConstants.FINISH_REASON, finish.wireName());
            }
        }
    }
}
