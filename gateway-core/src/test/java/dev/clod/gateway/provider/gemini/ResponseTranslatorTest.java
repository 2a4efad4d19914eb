package dev.clod.gateway.provider.gemini;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clod.gateway.api.ChatResponse;
import dev.clod.gateway.api.FailureClass;
import dev.clod.gateway.api.FinishReason;
import dev.clod.gateway.api.ToolCall;
import dev.clod.gateway.api.UpstreamException;
import dev.clod.gateway.api.Usage;
import dev.clod.gateway.provider.conformance.FixtureFiles;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How {@code GenerateContentResponse}s become chat completions. */
class ResponseTranslatorTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-02T12:00:00Z"), ZoneOffset.UTC);

    @ParameterizedTest(name = "{0} (calls: {1}) -> {2}")
    @CsvSource({
        "STOP, false, STOP",
        "STOP, true, TOOL_CALLS",
        "MAX_TOKENS, false, LENGTH",
        "SAFETY, false, CONTENT_FILTER",
        "RECITATION, false, CONTENT_FILTER",
        "BLOCKLIST, false, CONTENT_FILTER",
        "PROHIBITED_CONTENT, false, CONTENT_FILTER",
        "SPII, false, CONTENT_FILTER",
        "IMAGE_SAFETY, false, CONTENT_FILTER",
        "LANGUAGE, false, STOP",
        "OTHER, false, STOP",
        "A_REASON_FROM_THE_FUTURE, true, TOOL_CALLS"
    })
    void mapsEveryFinishReason(String reason, boolean calls, FinishReason expected) {
        String part = calls ? "{\"functionCall\":{\"name\":\"f\",\"args\":{}}}" : "{\"text\":\"x\"}";
        ChatResponse response = read("{\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[" + part
                + "]},\"finishReason\":\"" + reason + "\"}],\"responseId\":\"r1\"}");

        assertThat(response.choices().get(0).finishReason()).isEqualTo(expected);
    }

    @Test
    void aBlockedPromptIsAnEmptyAnswerStoppedByTheContentFilter() {
        ChatResponse response = ResponseTranslator.read(
                new FixtureFiles("gemini").bytes("prompt-blocked/response.json"), "gemini-2.5-flash", "d", CLOCK);

        assertThat(response.firstMessage().content()).isEmpty();
        assertThat(response.choices().get(0).finishReason()).isEqualTo(FinishReason.CONTENT_FILTER);
        assertThat(response.usage()).isEqualTo(new Usage(9, 0, 0));
    }

    @Test
    void aMalformedFunctionCallIsTransientSoAnotherDeploymentMayAnswer() {
        assertThatThrownBy(() -> read("{\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[]},"
                        + "\"finishReason\":\"MALFORMED_FUNCTION_CALL\"}]}"))
                .isInstanceOfSatisfying(UpstreamException.class, e -> assertThat(e.failureClass())
                        .isEqualTo(FailureClass.TRANSIENT));
    }

    @Test
    void thinkingAndToolUsePromptsCountAsGeminiBillsThem() {
        ChatResponse response = read("{\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[{\"text\":\"x\"}]},"
                + "\"finishReason\":\"STOP\"}],\"usageMetadata\":{\"promptTokenCount\":2100,\"cachedContentTokenCount\":"
                + "2048,\"toolUsePromptTokenCount\":40,\"candidatesTokenCount\":30,\"thoughtsTokenCount\":120,"
                + "\"totalTokenCount\":2290}}");

        assertThat(response.usage()).isEqualTo(new Usage(2140, 150, 2048));
    }

    @Test
    void callIdsAreStableForAResponseDistinctAcrossResponsesAndGeminisOwnIdWins() {
        String body = "{\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":["
                + "{\"functionCall\":{\"name\":\"f\",\"args\":{\"a\":1}}},"
                + "{\"functionCall\":{\"id\":\"gemini-7\",\"name\":\"g\",\"args\":{}}},"
                + "{\"functionCall\":{\"name\":\"f\",\"args\":{\"a\":2}}}]},\"finishReason\":\"STOP\"}],"
                + "\"responseId\":\"%s\"}";

        List<ToolCall> once = read(body.formatted("resp-1")).firstMessage().toolCalls();
        List<ToolCall> again = read(body.formatted("resp-1")).firstMessage().toolCalls();
        List<ToolCall> other = read(body.formatted("resp-2")).firstMessage().toolCalls();

        assertThat(once).isEqualTo(again);
        assertThat(once.get(0).id()).matches("call_[0-9a-f]{24}");
        assertThat(once.get(1).id()).isEqualTo("gemini-7");
        assertThat(once.get(2).id())
                .matches("call_[0-9a-f]{24}")
                .isNotEqualTo(once.get(0).id());
        assertThat(other.get(0).id()).isNotEqualTo(once.get(0).id());
        assertThat(once.get(0).arguments()).isEqualTo("{\"a\":1}");
    }

    @Test
    void thoughtSummariesAreLeftOut() {
        ChatResponse response = read("{\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":["
                + "{\"text\":\"Considering the question...\",\"thought\":true},{\"text\":\"42\"}]},"
                + "\"finishReason\":\"STOP\"}]}");

        assertThat(response.firstMessage().content()).isEqualTo("42");
    }

    @Test
    void anErrorEnvelopeWithStatus200IsClassedAsTheErrorItIs() {
        assertThatThrownBy(() -> read("{\"error\":{\"code\":503,\"message\":\"The model is overloaded.\","
                        + "\"status\":\"UNAVAILABLE\"}}"))
                .isInstanceOfSatisfying(UpstreamException.class, e -> {
                    assertThat(e.failureClass()).isEqualTo(FailureClass.TRANSIENT);
                    assertThat(e.upstreamStatus()).isEqualTo(503);
                });
    }

    private static ChatResponse read(String body) {
        return ResponseTranslator.read(body.getBytes(StandardCharsets.UTF_8), "gemini-2.5-flash", "d", CLOCK);
    }
}
