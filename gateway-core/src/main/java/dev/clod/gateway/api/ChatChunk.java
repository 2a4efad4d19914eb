package dev.clod.gateway.api;

import java.util.List;
import java.util.Objects;

/**
 * One streamed piece of an answer. The last chunk of a stream may carry only {@code usage} and no
 * choices, as OpenAI sends it when {@code stream_options.include_usage} is set.
 */
public record ChatChunk(String id, long created, String model, List<ChunkChoice> choices, Usage usage) {

    public ChatChunk {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(model, "model");
        choices = List.copyOf(choices);
    }

    /** The change one chunk makes to one choice. */
    public record ChunkChoice(int index, Delta delta, FinishReason finishReason) {
        public ChunkChoice {
            Objects.requireNonNull(delta, "delta");
        }
    }

    /** Text and tool-call fragments to append to what came before. */
    public record Delta(String role, String content, List<ToolCallDelta> toolCalls, String refusal) {
        public static final Delta EMPTY = new Delta(null, null, List.of(), null);

        public Delta {
            toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
        }

        public static Delta text(String content) {
            return new Delta(null, content, List.of(), null);
        }
    }

    /**
     * A fragment of a tool call. The first fragment of a call carries its {@code id} and {@code name};
     * later ones, with the same {@code index}, only more of the {@code arguments}.
     */
    public record ToolCallDelta(int index, String id, String name, String arguments) {}

    public boolean isUsageOnly() {
        return choices.isEmpty() && usage != null;
    }

    public ChatChunk withModel(String newModel) {
        return new ChatChunk(id, created, newModel, choices, usage);
    }

    public ChatChunk withId(String newId) {
        return new ChatChunk(newId, created, model, choices, usage);
    }
}
