package dev.clod.gateway.provider.openai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clod.gateway.api.FailureClass;
import dev.clod.gateway.api.UpstreamException;
import dev.clod.gateway.provider.RecordingListener;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.Test;

/** Line handling of one stream, driven directly so every order of events is deterministic. */
class SseStreamTest {

    private static final String CHUNK = "{\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":7,"
            + "\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"%s\"},\"finish_reason\":%s}]}";

    private final FakeSubscription subscription = new FakeSubscription();

    private static String chunk(String content) {
        return "data: " + String.format(CHUNK, content, "null");
    }

    private static String last(String content) {
        return "data: " + String.format(CHUNK, content, "\"stop\"");
    }

    private SseStream open(RecordingListener listener) {
        SseStream stream = new SseStream(listener, TestUpstream.DEPLOYMENT, TestUpstream.CLOCK);
        stream.onSubscribe(subscription);
        return stream;
    }

    @Test
    void ignoresCommentsEventNamesAndBlankLines() {
        RecordingListener listener = new RecordingListener();
        SseStream stream = open(listener);

        stream.onNext(": OPENROUTER PROCESSING");
        stream.onNext("");
        stream.onNext("event: message");
        stream.onNext("id: 1");
        stream.onNext(chunk("a"));
        stream.onNext("");
        stream.onNext("data:" + String.format(CHUNK, "b", "null"));
        stream.onNext("");
        stream.onNext("data: [DONE]");
        stream.onNext("");
        stream.onComplete();

        assertThat(listener.text()).isEqualTo("ab");
        assertThat(listener.done).isCompleted();
        assertThat(subscription.requested).isEqualTo(Long.MAX_VALUE);
        assertThat(listener.violations).isEmpty();
    }

    @Test
    void cancelStopsDeliveryAndTheUpstreamRead() {
        SseStream[] stream = new SseStream[1];
        RecordingListener listener = new RecordingListener(chunk -> stream[0].cancel());
        stream[0] = open(listener);

        stream[0].onNext(chunk("a"));
        stream[0].onNext(chunk("b"));
        stream[0].onNext("data: [DONE]");
        stream[0].onComplete();
        stream[0].onError(new java.io.IOException("closed"));

        assertThat(listener.text()).isEqualTo("a");
        assertThat(listener.done).isNotDone();
        assertThat(subscription.cancelled).isTrue();
        assertThat(listener.violations).isEmpty();
    }

    @Test
    void endWithoutDoneAfterAFinishReasonCompletes() {
        RecordingListener listener = new RecordingListener();
        SseStream stream = open(listener);

        stream.onNext(last("a"));
        stream.onComplete();

        assertThat(listener.done).isCompleted();
    }

    @Test
    void endBeforeAnyFinishReasonIsTransient() throws Exception {
        RecordingListener listener = new RecordingListener();
        SseStream stream = open(listener);

        stream.onNext(chunk("a"));
        stream.onComplete();

        assertThat(listener.awaitEnd()).isInstanceOfSatisfying(UpstreamException.class, e -> {
            assertThat(e.failureClass()).isEqualTo(FailureClass.TRANSIENT);
            assertThat(e.getMessage()).isEqualTo("upstream closed the stream before it finished");
        });
    }

    @Test
    void unreadableChunkEndsTheStreamAndStopsReading() throws Exception {
        RecordingListener listener = new RecordingListener();
        SseStream stream = open(listener);

        stream.onNext("data: {\"id\":");
        stream.onNext(chunk("late"));

        assertThat(listener.awaitEnd())
                .isInstanceOfSatisfying(UpstreamException.class, e -> assertThat(e.failureClass())
                        .isEqualTo(FailureClass.TRANSIENT));
        assertThat(listener.chunks).isEmpty();
        assertThat(subscription.cancelled).isTrue();
    }

    @Test
    void errorEventWithPlainTextData() throws Exception {
        RecordingListener listener = new RecordingListener();
        SseStream stream = open(listener);

        stream.onNext("event: error");
        stream.onNext("data: model is overloaded");

        assertThat(listener.awaitEnd()).isInstanceOfSatisfying(UpstreamException.class, e -> assertThat(e.getMessage())
                .isEqualTo("model is overloaded"));
    }

    @Test
    void rateLimitErrorInsideTheStream() throws Exception {
        RecordingListener listener = new RecordingListener();
        SseStream stream = open(listener);

        stream.onNext(
                "data: {\"error\":{\"message\":\"slow down\",\"type\":\"tokens\",\"code\":\"rate_limit_exceeded\"}}");

        assertThat(listener.awaitEnd())
                .isInstanceOfSatisfying(UpstreamException.class, e -> assertThat(e.failureClass())
                        .isEqualTo(FailureClass.RATE_LIMITED));
    }

    @Test
    void aThrowingListenerEndsTheStreamWithItsOwnError() throws Exception {
        IllegalStateException refused = new IllegalStateException("client went away");
        RecordingListener listener = new RecordingListener(chunk -> {
            throw refused;
        });
        SseStream stream = open(listener);

        stream.onNext(chunk("a"));
        stream.onNext(chunk("b"));

        assertThat(listener.awaitEnd()).isSameAs(refused);
        assertThat(listener.chunks).hasSize(1);
        assertThat(subscription.cancelled).isTrue();
    }

    @Test
    void fillsAMissingCreatedFromTheClock() {
        RecordingListener listener = new RecordingListener();
        SseStream stream = open(listener);

        stream.onNext("data: {\"id\":\"c\",\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"}}]}");

        assertThat(listener.chunks.get(0).created())
                .isEqualTo(TestUpstream.CLOCK.instant().getEpochSecond());
    }

    private static final class FakeSubscription implements Flow.Subscription {
        long requested;
        boolean cancelled;

        @Override
        public void request(long n) {
            requested += n;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }
    }
}
