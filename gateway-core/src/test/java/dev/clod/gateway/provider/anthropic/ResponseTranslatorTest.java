package dev.clod.gateway.provider.anthropic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clod.gateway.api.ChatResponse;
import dev.clod.gateway.api.FinishReason;
import dev.clod.gateway.api.ToolCall;
import dev.clod.gateway.api.Usage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How Messages API answers become chat completions. */
class ResponseTranslatorTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-02T12:00:00Z"), ZoneOffset.UTC);

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "end_turn, STOP",
        "stop_sequence, STOP",
        "pause_turn, STOP",
        "max_tokens, LENGTH",
        "model_context_window_exceeded, LENGTH",
        "tool_use, TOOL_CALLS",
        "refusal, CONTENT_FILTER",
        "a_reason_from_the_future, STOP"
    })
    void mapsEveryStopReason(String stopReason, FinishReason expected) {
        ChatResponse response = read("{\"id\":\"msg_1\",\"type\":\"message\",\"model\":\"claude\",\"content\":"
                + "[{\"type\":\"text\",\"text\":\"x\"}],\"stop_reason\":\"" + stopReason + "\",\"usage\":{}}");

        assertThat(response.choices().get(0).finishReason()).isEqualTo(expected);
    }

    @Test
    void cacheWritesAndReadsArePromptTokensAndReadsAreCached() {
        ChatResponse response = read("{\"id\":\"msg_1\",\"type\":\"message\",\"model\":\"claude\",\"content\":[],"
                + "\"stop_reason\":\"end_turn\",\"usage\":{\"input_tokens\":14,\"cache_creation_input_tokens\":200,"
                + "\"cache_read_input_tokens\":1024,\"output_tokens\":9}}");

        assertThat(response.usage()).isEqualTo(new Usage(1238, 9, 1024));
    }

    @Test
    void joinsTextBlocksKeepsToolUsesAndLeavesThinkingOut() {
        ChatResponse response = read("{\"id\":\"msg_1\",\"type\":\"message\",\"model\":\"claude\",\"content\":["
                + "{\"type\":\"thinking\",\"thinking\":\"Let me see.\",\"signature\":\"EqQB\"},"
                + "{\"type\":\"text\",\"text\":\"One, \"},{\"type\":\"text\",\"text\":\"two.\"},"
                + "{\"type\":\"tool_use\",\"id\":\"toolu_9\",\"name\":\"count\",\"input\":{\"to\":3}}],"
                + "\"stop_reason\":\"tool_use\",\"usage\":{\"input_tokens\":1,\"output_tokens\":1}}");

        assertThat(response.id()).isEqualTo("msg_1");
        assertThat(response.created()).isEqualTo(CLOCK.instant().getEpochSecond());
        assertThat(response.firstMessage().content()).isEqualTo("One, two.");
        assertThat(response.firstMessage().toolCalls()).containsExactly(new ToolCall("toolu_9", "count", "{\"to\":3}"));
    }

    @Test
    void anEmptyAnswerIsEmptyTextNotAbsentText() {
        ChatResponse response = read("{\"id\":\"msg_1\",\"type\":\"message\",\"model\":\"claude\",\"content\":[],"
                + "\"stop_reason\":\"refusal\",\"usage\":{}}");

        assertThat(response.firstMessage().content()).isEmpty();
        assertThat(response.choices().get(0).finishReason()).isEqualTo(FinishReason.CONTENT_FILTER);
    }

    @Test
    void theAnswerToolsInputIsTheContentAndItsCallANormalStop() {
        ChatResponse response = ResponseTranslator.read(
                ("{\"id\":\"msg_1\",\"type\":\"message\",\"model\":\"claude\",\"content\":["
                                + "{\"type\":\"text\",\"text\":\"Here you go:\"},"
                                + "{\"type\":\"tool_use\",\"id\":\"toolu_1\",\"name\":\"report\",\"input\":{\"a\":\"b\"}}],"
                                + "\"stop_reason\":\"tool_use\",\"usage\":{}}")
                        .getBytes(StandardCharsets.UTF_8),
                "report",
                CLOCK);

        assertThat(response.firstMessage().content()).isEqualTo("{\"a\":\"b\"}");
        assertThat(response.firstMessage().toolCalls()).isEmpty();
        assertThat(response.choices().get(0).finishReason()).isEqualTo(FinishReason.STOP);
    }

    @Test
    void aBodyThatIsNoMessageIsRefused() {
        assertThatThrownBy(() -> read("{\"type\":\"completion\",\"completion\":\"hi\"}"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> read("{\"type\":\"mess")).isInstanceOf(IllegalArgumentException.class);
    }

    private static ChatResponse read(String body) {
        return ResponseTranslator.read(body.getBytes(StandardCharsets.UTF_8), null, CLOCK);
    }
}
