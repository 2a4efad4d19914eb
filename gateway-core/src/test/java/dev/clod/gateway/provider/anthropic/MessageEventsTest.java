package dev.clod.gateway.provider.anthropic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clod.gateway.api.ChatChunk;
import dev.clod.gateway.api.FailureClass;
import dev.clod.gateway.api.FinishReason;
import dev.clod.gateway.api.UpstreamException;
import dev.clod.gateway.api.Usage;
import dev.clod.gateway.provider.RecordingListener;
import dev.clod.gateway.provider.conformance.FixtureFiles;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Messages API stream events, driven line by line so every order of events is deterministic. */
class MessageEventsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-02T12:00:00Z"), ZoneOffset.UTC);
    private static final String START =
            "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\",\"type\":\"message\","
                    + "\"role\":\"assistant\",\"model\":\"claude\",\"content\":[],\"usage\":{\"input_tokens\":10,"
                    + "\"cache_creation_input_tokens\":5,\"cache_read_input_tokens\":100,\"output_tokens\":1}}}";

    private final RecordingListener listener = new RecordingListener();
    private final Subscription subscription = new Subscription();

    @AfterEach
    void keptTheListenerContract() {
        assertThat(listener.violations).isEmpty();
    }

    private MessageEvents open(String answerTool) {
        MessageEvents events = new MessageEvents(listener, "m/anthropic", answerTool, CLOCK);
        events.onSubscribe(subscription);
        return events;
    }

    private static void send(MessageEvents events, String type, String data) {
        events.onNext("event: " + type);
        events.onNext("data: " + data);
        events.onNext("");
    }

    @Test
    void anErrorEventAfterTheFirstTextEndsTheStreamClassedByItsType() throws Exception {
        MessageEvents events = open(null);
        for (String line : new FixtureFiles("anthropic")
                .text("stream-error-midway/response.sse")
                .split("\n")) {
            events.onNext(line);
        }

        Throwable error = listener.awaitEnd();

        assertThat(listener.text()).isEqualTo("Once upon");
        assertThat(error).isInstanceOfSatisfying(UpstreamException.class, e -> {
            assertThat(e.failureClass()).isEqualTo(FailureClass.TRANSIENT);
            assertThat(e.upstreamStatus()).isEqualTo(529);
            assertThat(e.getMessage()).isEqualTo("Overloaded");
        });
        assertThat(subscription.cancelled).isTrue();
    }

    @Test
    void nothingIsSentBeforeTheFirstContentSoAnEarlyErrorCanStillFallBack() throws Exception {
        MessageEvents events = open(null);
        send(events, "message_start", START);
        send(events, "ping", "{\"type\":\"ping\"}");
        send(
                events,
                "error",
                "{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\",\"message\":\"Number of requests has"
                        + " exceeded your rate limit\"}}");

        assertThat(listener.awaitEnd())
                .isInstanceOfSatisfying(UpstreamException.class, e -> assertThat(e.failureClass())
                        .isEqualTo(FailureClass.RATE_LIMITED));
        assertThat(listener.chunks).isEmpty();
    }

    @Test
    void aToolCallWithoutInputGetsAnEmptyObjectAndCacheCountsReachTheUsage() throws Exception {
        MessageEvents events = open(null);
        send(events, "message_start", START);
        send(
                events,
                "content_block_start",
                "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"tool_use\","
                        + "\"id\":\"toolu_1\",\"name\":\"now\",\"input\":{}}}");
        send(events, "content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}");
        send(
                events,
                "message_delta",
                "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"tool_use\"},\"usage\":{\"input_tokens\":10,"
                        + "\"cache_creation_input_tokens\":5,\"cache_read_input_tokens\":100,\"output_tokens\":7}}");
        send(events, "message_stop", "{\"type\":\"message_stop\"}");

        assertThat(listener.awaitEnd()).isNull();
        assertThat(listener.toolArguments()).isEqualTo("{}");
        assertThat(listener.chunks.get(0).choices().get(0).delta().toolCalls())
                .containsExactly(new ChatChunk.ToolCallDelta(0, "toolu_1", "now", ""));
        assertThat(listener.chunks.get(listener.chunks.size() - 1).usage()).isEqualTo(new Usage(115, 7, 100));
    }

    @Test
    void theAnswerToolStreamsAsTextAndStopsNormally() throws Exception {
        MessageEvents events = open("report");
        send(events, "message_start", START);
        send(
                events,
                "content_block_start",
                "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"tool_use\","
                        + "\"id\":\"toolu_1\",\"name\":\"report\",\"input\":{}}}");
        send(
                events,
                "content_block_delta",
                "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"input_json_delta\","
                        + "\"partial_json\":\"{\\\"a\\\": \"}}");
        send(
                events,
                "content_block_delta",
                "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"input_json_delta\","
                        + "\"partial_json\":\"1}\"}}");
        send(
                events,
                "message_delta",
                "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"tool_use\"},\"usage\":{\"output_tokens\":5}}");
        send(events, "message_stop", "{\"type\":\"message_stop\"}");

        assertThat(listener.awaitEnd()).isNull();
        assertThat(listener.text()).isEqualTo("{\"a\": 1}");
        assertThat(listener.toolArguments()).isEmpty();
        assertThat(finishReasons()).containsExactly(FinishReason.STOP);
    }

    @Test
    void thinkingAndUnknownEventsAreLeftOutAndARefusalIsAContentFilter() throws Exception {
        MessageEvents events = open(null);
        send(events, "message_start", START);
        send(
                events,
                "content_block_start",
                "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"thinking\",\"thinking\":\"\"}}");
        send(
                events,
                "content_block_delta",
                "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"thinking_delta\",\"thinking\":\"Hm.\"}}");
        send(events, "content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}");
        send(events, "future_event", "{\"type\":\"future_event\",\"anything\":true}");
        send(
                events,
                "message_delta",
                "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"refusal\"},\"usage\":{\"output_tokens\":2}}");
        send(events, "message_stop", "{\"type\":\"message_stop\"}");

        assertThat(listener.awaitEnd()).isNull();
        assertThat(listener.text()).isEmpty();
        assertThat(finishReasons()).containsExactly(FinishReason.CONTENT_FILTER);
        assertThat(listener.chunks.get(0).choices().get(0).delta().role()).isEqualTo("assistant");
    }

    @Test
    void aStreamClosedAfterItsFinishReasonStillCompletesWithItsUsage() throws Exception {
        MessageEvents events = open(null);
        send(events, "message_start", START);
        send(
                events,
                "content_block_delta",
                "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"Hi\"}}");
        send(
                events,
                "message_delta",
                "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\"},\"usage\":{\"output_tokens\":2}}");
        events.onComplete();

        assertThat(listener.awaitEnd()).isNull();
        assertThat(listener.chunks.get(listener.chunks.size() - 1).usage()).isEqualTo(new Usage(115, 2, 100));
    }

    @Test
    void aStreamClosedBeforeItsFinishReasonIsTransient() throws Exception {
        MessageEvents events = open(null);
        send(events, "message_start", START);
        send(
                events,
                "content_block_delta",
                "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"Hi\"}}");
        events.onComplete();

        assertThat(listener.awaitEnd()).isInstanceOfSatisfying(UpstreamException.class, e -> {
            assertThat(e.failureClass()).isEqualTo(FailureClass.TRANSIENT);
            assertThat(e.getMessage()).isEqualTo("upstream closed the stream before it finished");
        });
        assertThat(listener.text()).isEqualTo("Hi");
    }

    private List<FinishReason> finishReasons() {
        List<FinishReason> reasons = new ArrayList<>();
        listener.chunks.forEach(chunk -> chunk.choices().forEach(choice -> {
            if (choice.finishReason() != null) {
                reasons.add(choice.finishReason());
            }
        }));
        return reasons;
    }

    private static final class Subscription implements Flow.Subscription {
        boolean cancelled;

        @Override
        public void request(long n) {}

        @Override
        public void cancel() {
            cancelled = true;
        }
    }
}
