package dev.clod.camel;

import dev.clod.gateway.api.ChatChunk.ToolCallDelta;
import dev.clod.gateway.api.ToolCall;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Joins streamed tool-call fragments back into whole calls: id and name first, arguments in pieces. */
final class ToolCallAssembler {

    private static final class Partial {
        String id;
        String name;
        final StringBuilder arguments = new StringBuilder();
    }

    private final Map<Integer, Partial> byIndex = new TreeMap<>();

    void add(List<ToolCallDelta> deltas) {
        for (ToolCallDelta delta : deltas) {
            Partial call = byIndex.computeIfAbsent(delta.index(), index -> new Partial());
            if (delta.id() != null) {
                call.id = delta.id();
            }
            if (delta.name() != null) {
                call.name = delta.name();
            }
            if (delta.arguments() != null) {
                call.arguments.append(delta.arguments());
            }
        }
    }

    boolean isEmpty() {
        return byIndex.isEmpty();
    }

    /** The calls in index order; a call whose id or name never arrived is left out. */
    List<ToolCall> calls() {
        List<ToolCall> calls = new ArrayList<>();
        for (Partial call : byIndex.values()) {
            if (call.id != null && call.name != null) {
                calls.add(new ToolCall(call.id, call.name, call.arguments.toString()));
            }
        }
        return calls;
    }
}
