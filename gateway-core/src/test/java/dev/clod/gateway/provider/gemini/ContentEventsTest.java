package dev.clod.gateway.provider.gemini;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clod.gateway.api.FailureClass;
import dev.clod.gateway.api.FinishReason;
import dev.clod.gateway.api.UpstreamException;
import dev.clod.gateway.provider.RecordingListener;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Gemini stream events, driven line by line so every order of events is deterministic. */
class ContentEventsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-02T12:00:00Z"), ZoneOffset.UTC);

    private final RecordingListener listener = new RecordingListener();

    @AfterEach
    void keptTheListenerContract() {
        assertThat(listener.violations).isEmpty();
    }

    private ContentEvents open() {
        ContentEvents events = new ContentEvents(listener, "m/gemini", "gemini-2.5-flash", CLOCK);
        events.onSubscribe(new Flow.Subscription() {
            @Override
            public void request(long n) {}

            @Override
            public void cancel() {}
        });
        return events;
    }

    @Test
    void anErrorInsideTheStreamFailsItClassedByItsStatus() throws Exception {
        ContentEvents events = open();
        events.onNext("data: {\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[{\"text\":\"Once\"}]}}]}");
        events.onNext("");
        events.onNext("data: {\"error\":{\"code\":429,\"message\":\"Resource has been exhausted (e.g. check quota).\","
                + "\"status\":\"RESOURCE_EXHAUSTED\",\"details\":[{\"@type\":"
                + "\"type.googleapis.com/google.rpc.RetryInfo\",\"retryDelay\":\"1.5s\"}]}}");

        assertThat(listener.awaitEnd()).isInstanceOfSatisfying(UpstreamException.class, e -> {
            assertThat(e.failureClass()).isEqualTo(FailureClass.RATE_LIMITED);
            assertThat(e.retryAfter()).isEqualTo(Duration.ofMillis(1500));
        });
        assertThat(listener.text()).isEqualTo("Once");
    }

    @Test
    void aBlockedPromptEndsTheStreamWithAContentFilter() throws Exception {
        ContentEvents events = open();
        events.onNext("data: {\"promptFeedback\":{\"blockReason\":\"SAFETY\"},\"usageMetadata\":"
                + "{\"promptTokenCount\":9,\"totalTokenCount\":9}}");
        events.onComplete();

        assertThat(listener.awaitEnd()).isNull();
        assertThat(listener.chunks.get(0).choices().get(0).finishReason()).isEqualTo(FinishReason.CONTENT_FILTER);
        assertThat(listener.chunks.get(listener.chunks.size() - 1).isUsageOnly())
                .isTrue();
    }

    @Test
    void aMalformedFunctionCallFailsTheStream() throws Exception {
        ContentEvents events = open();
        events.onNext("data: {\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[]},"
                + "\"finishReason\":\"MALFORMED_FUNCTION_CALL\"}]}");

        assertThat(listener.awaitEnd())
                .isInstanceOfSatisfying(UpstreamException.class, e -> assertThat(e.failureClass())
                        .isEqualTo(FailureClass.TRANSIENT));
        assertThat(listener.chunks).isEmpty();
    }

    @Test
    void withoutUsageMetadataTheStreamEndsAfterItsFinishReason() throws Exception {
        ContentEvents events = open();
        events.onNext("data: {\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[{\"text\":\"Hi\"}]},"
                + "\"finishReason\":\"MAX_TOKENS\"}]}");
        events.onComplete();

        assertThat(listener.awaitEnd()).isNull();
        assertThat(listener.chunks).hasSize(2);
        assertThat(listener.chunks.get(1).choices().get(0).finishReason()).isEqualTo(FinishReason.LENGTH);
    }
}
