package dev.clod.gateway.provider.openai;

import dev.clod.gateway.api.ChatChunk;
import dev.clod.gateway.api.FailureClass;
import dev.clod.gateway.api.UpstreamException;
import dev.clod.gateway.api.json.ChatJson;
import dev.clod.gateway.api.json.ErrorBody;
import dev.clod.gateway.api.json.ErrorBodyException;
import dev.clod.gateway.api.json.MalformedJsonException;
import dev.clod.gateway.provider.StreamListener;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;

/**
 * One streamed call: reads server-sent events line by line as they arrive and hands each chunk to the
 * listener at once.
 *
 * <p>Every listener call is made while holding this object's monitor, so calls never overlap even
 * though they come from the HTTP client's threads, and once {@link #cancel()} returns none follows.
 * A listener must therefore not wait inside a callback for another thread that is cancelling.
 */
final class SseStream implements Flow.Subscriber<String> {

    private static final String DONE = "[DONE]";

    private final StreamListener listener;
    private final String deployment;
    private final Clock clock;

    // Guarded by this.
    private Flow.Subscription subscription;
    private CompletableFuture<?> exchange;
    private boolean finished;
    private boolean sawFinishReason;
    private String event;
    private int status = 200;

    SseStream(StreamListener listener, String deployment, Clock clock) {
        this.listener = listener;
        this.deployment = deployment;
        this.clock = clock;
    }

    /** Chooses how to read the body once the status is known: as events, or as an error to report. */
    HttpResponse.BodySubscriber<Void> bodySubscriber(HttpResponse.ResponseInfo info) {
        int code = info.statusCode();
        if (code / 100 == 2) {
            synchronized (this) {
                status = code;
            }
            // A null separator splits on \n, \r\n and \r alike, as the event-stream format allows.
            return HttpResponse.BodySubscribers.fromLineSubscriber(this, s -> null, StandardCharsets.UTF_8, null);
        }
        return HttpResponse.BodySubscribers.mapping(HttpResponse.BodySubscribers.ofByteArray(), body -> {
            fail(UpstreamFailures.ofStatus(code, body, deployment));
            return null;
        });
    }

    synchronized void attach(CompletableFuture<?> exchange) {
        this.exchange = exchange;
        if (finished) {
            exchange.cancel(true);
        }
    }

    /** Stops reading from the upstream; the listener hears nothing more. */
    synchronized void cancel() {
        finished = true;
        stopUpstream();
    }

    @Override
    public synchronized void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        if (finished) {
            subscription.cancel();
        } else {
            // The listener is non-blocking by contract, so lines are taken as fast as they come.
            subscription.request(Long.MAX_VALUE);
        }
    }

    @Override
    public synchronized void onNext(String line) {
        if (finished) {
            return;
        }
        if (line.isEmpty()) {
            event = null;
        } else if (line.startsWith("data:")) {
            int start = line.length() > 5 && line.charAt(5) == ' ' ? 6 : 5;
            onData(line.substring(start));
        } else if (line.startsWith("event:")) {
            event = line.substring(line.length() > 6 && line.charAt(6) == ' ' ? 7 : 6);
        }
        // Comments (":" lines, sent as keep-alives by some servers), "id:" and "retry:" mean nothing here.
    }

    /**
     * Each {@code data:} line is one event: OpenAI-compatible servers put one JSON document on one
     * line, and dispatching at once rather than at the blank line after it saves a wait on slow links.
     */
    private void onData(String data) {
        if (data.equals(DONE)) {
            finished = true;
            listener.onComplete();
            return;
        }
        ChatChunk chunk;
        try {
            chunk = ChatJson.readChunk(data);
        } catch (ErrorBodyException e) {
            fail(UpstreamFailures.ofErrorBody(e.error(), status, deployment));
            return;
        } catch (MalformedJsonException e) {
            if ("error".equals(event)) {
                fail(UpstreamFailures.ofErrorBody(
                        new ErrorBody(UpstreamFailures.cap(data), null, null, null), status, deployment));
            } else {
                fail(UpstreamFailures.malformed(status, e, deployment));
            }
            return;
        }
        if (chunk.created() == 0) {
            chunk = new ChatChunk(
                    chunk.id(), clock.instant().getEpochSecond(), chunk.model(), chunk.choices(), chunk.usage());
        }
        for (ChatChunk.ChunkChoice choice : chunk.choices()) {
            sawFinishReason |= choice.finishReason() != null;
        }
        try {
            listener.onChunk(chunk);
        } catch (RuntimeException e) {
            // A listener that cannot take more ends the stream; the upstream is not read further.
            finished = true;
            stopUpstream();
            listener.onError(e);
        }
    }

    @Override
    public void onError(Throwable error) {
        fail(UpstreamFailures.ofThrowable(error, deployment));
    }

    @Override
    public synchronized void onComplete() {
        if (finished) {
            return;
        }
        if (sawFinishReason) {
            // Some servers close after the last chunk without sending [DONE]; nothing was lost.
            finished = true;
            listener.onComplete();
        } else {
            fail(new UpstreamException(
                    FailureClass.TRANSIENT, deployment, status, "upstream closed the stream before it finished", null));
        }
    }

    /** Reports a failure unless the stream has already ended or been cancelled. */
    synchronized void fail(UpstreamException error) {
        if (finished) {
            return;
        }
        finished = true;
        stopUpstream();
        listener.onError(error);
    }

    private void stopUpstream() {
        if (subscription != null) {
            subscription.cancel();
        }
        if (exchange != null) {
            exchange.cancel(true);
        }
    }
}
