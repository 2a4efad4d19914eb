package dev.clod.gateway.provider.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clod.gateway.api.AssistantMessage;
import dev.clod.gateway.api.ChatResponse;
import dev.clod.gateway.api.FailureClass;
import dev.clod.gateway.api.FinishReason;
import dev.clod.gateway.api.UpstreamException;
import dev.clod.gateway.api.Usage;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a {@code GenerateContentResponse} as a chat completion: one choice per candidate, its parts
 * as {@link CandidateParts} describes, its finish reason as {@link FinishReasons} maps it. A prompt
 * Gemini blocked ({@code promptFeedback.blockReason}, no candidates) is an empty answer finished by
 * {@code content_filter}. A candidate that ended in a malformed function call holds nothing usable
 * and fails as transient, so another deployment may answer.
 */
final class ResponseTranslator {

    private ResponseTranslator() {}

    /** @throws IllegalArgumentException when the body is not a response */
    static ChatResponse read(byte[] body, String requestModel, String deployment, Clock clock) {
        JsonNode root;
        try {
            root = Wire.JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("the answer is not JSON", e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("the answer is not a JSON object");
        }
        if (root.path("error").isObject()) {
            throw GeminiErrors.ofError(root.get("error"), 200, deployment, null);
        }
        String responseId = root.path("responseId").asText("");
        CallIds ids = new CallIds(responseId);
        List<ChatResponse.Choice> choices = new ArrayList<>();
        JsonNode candidates = root.path("candidates");
        for (int i = 0; i < candidates.size(); i++) {
            JsonNode candidate = candidates.get(i);
            String reason = candidate.path("finishReason").asText(null);
            if (FinishReasons.MALFORMED_FUNCTION_CALL.equals(reason)) {
                throw malformedCall(deployment);
            }
            CandidateParts parts = CandidateParts.of(candidate.path("content"), ids);
            FinishReason finish = FinishReasons.of(reason, !parts.calls().isEmpty());
            String text = parts.text() == null && parts.calls().isEmpty() ? "" : parts.text();
            choices.add(new ChatResponse.Choice(
                    candidate.path("index").asInt(i),
                    new AssistantMessage(text, parts.calls(), null, null),
                    finish == null ? FinishReason.STOP : finish));
        }
        if (choices.isEmpty()) {
            boolean blocked = root.path("promptFeedback").hasNonNull("blockReason");
            choices.add(new ChatResponse.Choice(
                    0, AssistantMessage.of(""), blocked ? FinishReason.CONTENT_FILTER : FinishReason.STOP));
        }
        Usage usage = TokenCounts.of(root.get("usageMetadata"));
        return new ChatResponse(
                responseId,
                clock.instant().getEpochSecond(),
                root.path("modelVersion").asText(requestModel),
                choices,
                usage,
                null);
    }

    static UpstreamException malformedCall(String deployment) {
        return new UpstreamException(
                FailureClass.TRANSIENT,
                deployment,
                200,
                "Gemini ended its answer with a malformed function call (finishReason MALFORMED_FUNCTION_CALL)",
                null);
    }
}
