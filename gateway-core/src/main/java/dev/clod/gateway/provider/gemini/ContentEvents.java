package dev.clod.gateway.provider.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clod.gateway.api.ChatChunk;
import dev.clod.gateway.api.FinishReason;
import dev.clod.gateway.api.ToolCall;
import dev.clod.gateway.api.UpstreamException;
import dev.clod.gateway.api.Usage;
import dev.clod.gateway.provider.StreamListener;
import dev.clod.gateway.provider.http.EventStream;
import dev.clod.gateway.provider.http.TransportFailures;
import java.io.IOException;
import java.net.http.HttpHeaders;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code streamGenerateContent?alt=sse} stream as chat-completion chunks. Each event is a whole
 * {@code GenerateContentResponse} holding the next piece of the first candidate:
 *
 * <ul>
 *   <li>its text parts are a content delta;
 *   <li>each {@code functionCall} part (Gemini sends a call whole, never in fragments) is one tool-call
 *       delta with its id, name and complete arguments, at the next tool-call {@code index};
 *   <li>a {@code finishReason} is a chunk with an empty delta and the mapped reason ({@code
 *       tool_calls} when the answer called functions); a prompt Gemini blocked is {@code
 *       content_filter};
 *   <li>{@code usageMetadata}, repeated on every event, is kept, and its last value sent as the
 *       usage-only chunk when the upstream closes the stream, which is how Gemini ends one;
 *   <li>an {@code error} object fails the stream, classed as an error answer would be.
 * </ul>
 *
 * The first chunk sent carries {@code role: assistant}. A stream closed before any finish reason fails
 * as transient.
 */
final class ContentEvents extends EventStream {

    private final String requestModel;
    private final Clock clock;

    // Guarded by this (EventStream calls every hook under its monitor).
    private CallIds ids;
    private String id = "";
    private String model;
    private long created;
    private boolean roleSent;
    private int toolCalls;
    private FinishReason finishReason;
    private Usage usage;

    ContentEvents(StreamListener listener, String deployment, String requestModel, Clock clock) {
        super(listener, deployment);
        this.requestModel = requestModel;
        this.model = requestModel;
        this.clock = clock;
    }

    @Override
    protected UpstreamException errorAnswer(int status, HttpHeaders headers, byte[] body) {
        return GeminiErrors.ofStatus(status, headers, body, deployment());
    }

    @Override
    protected void onEvent(String event, String data) {
        JsonNode json;
        try {
            json = Wire.JSON.readTree(data);
        } catch (IOException e) {
            fail(TransportFailures.malformed(status(), "a GenerateContentResponse", e, deployment()));
            return;
        }
        if (json == null || !json.isObject()) {
            fail(TransportFailures.malformed(status(), "a GenerateContentResponse", null, deployment()));
            return;
        }
        if (json.path("error").isObject()) {
            fail(GeminiErrors.ofError(json.get("error"), status(), deployment(), null));
            return;
        }
        if (ids == null) {
            id = json.path("responseId").asText("");
            model = json.path("modelVersion").asText(requestModel);
            created = clock.instant().getEpochSecond();
            ids = new CallIds(id);
        }
        Usage reported = TokenCounts.of(json.get("usageMetadata"));
        if (reported != null) {
            usage = reported;
        }
        JsonNode candidate = json.path("candidates").path(0);
        if (candidate.isMissingNode()) {
            if (json.path("promptFeedback").hasNonNull("blockReason")) {
                finish(FinishReason.CONTENT_FILTER);
            }
            return;
        }
        String reason = candidate.path("finishReason").asText(null);
        if (FinishReasons.MALFORMED_FUNCTION_CALL.equals(reason)) {
            fail(ResponseTranslator.malformedCall(deployment()));
            return;
        }
        CandidateParts parts = CandidateParts.of(candidate.path("content"), ids);
        List<ChatChunk.ToolCallDelta> calls = new ArrayList<>();
        for (ToolCall call : parts.calls()) {
            calls.add(new ChatChunk.ToolCallDelta(toolCalls++, call.id(), call.name(), call.arguments()));
        }
        boolean hasText = parts.text() != null && !parts.text().isEmpty();
        if (hasText || !calls.isEmpty()) {
            send(new ChatChunk.Delta(null, hasText ? parts.text() : null, calls, null), null);
        }
        if (reason != null) {
            finish(FinishReasons.of(reason, toolCalls > 0));
        }
    }

    private void finish(FinishReason reason) {
        if (finishReason == null) {
            finishReason = reason;
            send(ChatChunk.Delta.EMPTY, reason);
        }
    }

    @Override
    protected void onEnd() {
        if (finishReason == null) {
            fail(TransportFailures.cutShort(status(), deployment()));
            return;
        }
        if (usage == null || emit(new ChatChunk(id, created, model, List.of(), usage))) {
            complete();
        }
    }

    private void send(ChatChunk.Delta delta, FinishReason finish) {
        if (!roleSent) {
            roleSent = true;
            delta = new ChatChunk.Delta("assistant", delta.content(), delta.toolCalls(), delta.refusal());
        }
        emit(new ChatChunk(id, created, model, List.of(new ChatChunk.ChunkChoice(0, delta, finish)), null));
    }
}
