package dev.clod.camel;

import dev.clod.gateway.api.AssistantMessage;
import dev.clod.gateway.api.ChatMessage;
import dev.clod.gateway.api.ChatRequest;
import dev.clod.gateway.api.ToolCall;
import dev.clod.gateway.api.ToolMessage;
import dev.clod.gateway.api.Usage;
import dev.clod.gateway.routing.Strategy;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Asks the model, runs the tools it calls, sends their results back and asks again, until the model
 * answers without calling a tool. Bounded by rounds and by cost: a model that keeps calling tools ends
 * in a {@link ClodToolLoopException} rather than an endless, ever more expensive exchange. The budget is
 * checked before each further round; an answer that arrives is returned even if it went over, since it
 * has been paid for.
 */
final class ToolLoop {

    /** The loop's last answer with what every call cost together. */
    record Outcome(ChatReply last, Usage usage, BigDecimal costUsd, int rounds) {}

    private final ClodClient client;
    private final ToolRunner tools;
    private final int maxRounds;
    private final BigDecimal maxCostUsd;

    ToolLoop(ClodClient client, ToolRunner tools, int maxRounds, BigDecimal maxCostUsd) {
        this.client = client;
        this.tools = tools;
        this.maxRounds = maxRounds;
        this.maxCostUsd = maxCostUsd;
    }

    Outcome run(ChatRequest first, Strategy strategy, String requestId) {
        ChatRequest request = first;
        Usage usage = Usage.ZERO;
        BigDecimal cost = BigDecimal.ZERO;
        boolean costKnown = true;
        int rounds = 0;
        while (true) {
            ChatReply reply = client.chat(request, strategy, rounds == 0 ? requestId : requestId + "-" + rounds);
            usage = usage.plus(reply.response().usage());
            if (reply.costUsd() == null) {
                costKnown = false;
            } else {
                cost = cost.add(reply.costUsd());
            }
            BigDecimal spent = costKnown ? cost : null;
            AssistantMessage said = reply.response().firstMessage();
            if (said.toolCalls().isEmpty() || tools.isEmpty()) {
                return new Outcome(reply, usage, spent, rounds);
            }
            if (rounds >= maxRounds) {
                throw new ClodToolLoopException(
                        ClodToolLoopException.Bound.ROUNDS,
                        rounds,
                        usage,
                        spent,
                        "The model asked for tools again after " + rounds + " rounds, the limit set by maxToolRounds.");
            }
            if (maxCostUsd != null && costKnown && cost.compareTo(maxCostUsd) > 0) {
                throw new ClodToolLoopException(
                        ClodToolLoopException.Bound.COST,
                        rounds,
                        usage,
                        spent,
                        "The tool loop has cost " + cost.toPlainString() + " USD, over the budget of "
                                + maxCostUsd.toPlainString() + " USD set by maxCostUsd, after " + rounds + " rounds.");
            }
            rounds++;
            List<ChatMessage> messages = new ArrayList<>(request.messages());
            messages.add(said);
            for (ToolCall call : said.toolCalls()) {
                messages.add(new ToolMessage(call.id(), tools.run(call)));
            }
            request = request.toBuilder().messages(messages).build();
        }
    }
}
