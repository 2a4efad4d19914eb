package dev.clod.gateway.provider.simulated;

import dev.clod.gateway.api.FinishReason;
import dev.clod.gateway.api.ToolCall;
import java.util.List;

/** What the simulated model will say, decided before any of it is sent. */
sealed interface PlannedReply {

    /** Text, already split into the pieces that are streamed one token at a time. */
    record Text(List<String> tokens, FinishReason finishReason) implements PlannedReply {}

    /** Tool calls, each streamed as its id and name followed by argument fragments. */
    record ToolCalls(List<ToolCall> calls) implements PlannedReply {}
}
