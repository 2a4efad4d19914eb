package dev.clod.gateway.api;

import java.util.List;
import java.util.Objects;

/** A complete answer. {@code created} is in epoch seconds, as on OpenAI's wire. */
public record ChatResponse(
        String id, long created, String model, List<Choice> choices, Usage usage, String systemFingerprint) {

    public ChatResponse {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(model, "model");
        choices = List.copyOf(choices);
        usage = usage == null ? Usage.ZERO : usage;
    }

    /** One alternative answer. */
    public record Choice(int index, AssistantMessage message, FinishReason finishReason) {
        public Choice {
            Objects.requireNonNull(message, "message");
        }
    }

    /** The first choice's message, the one nearly every caller reads. */
    public AssistantMessage firstMessage() {
        return choices.isEmpty() ? AssistantMessage.of("") : choices.get(0).message();
    }

    public ChatResponse withModel(String newModel) {
        return new ChatResponse(id, created, newModel, choices, usage, systemFingerprint);
    }

    public ChatResponse withId(String newId) {
        return new ChatResponse(newId, created, model, choices, usage, systemFingerprint);
    }
}
