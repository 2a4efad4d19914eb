package dev.clod.gateway.provider.http;

import dev.clod.gateway.api.ChatChunk;
import dev.clod.gateway.api.UpstreamException;
import dev.clod.gateway.provider.StreamListener;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;

/**
 * One streamed call over server-sent events: reads the body line by line as it arrives and hands each
 * event to the adapter, which turns it into chunks for the listener.
 *
 * <p>Each {@code data:} line is dispatched at once, with the name of the {@code event:} before it,
 * rather than at the blank line that ends the event: every LLM API puts one JSON document on one line,
 * and not waiting for the blank line saves a wait on slow links. Comments ({@code :} lines, sent as
 * keep-alives), {@code id:} and {@code retry:} mean nothing here.
 *
 * <p>Every listener call is made while holding this object's monitor, so calls never overlap even
 * though they come from the HTTP client's threads, and once {@link #cancel()} returns none follows.
 * A listener must therefore not wait inside a callback for another thread that is cancelling. The
 * adapter's hooks run under the same monitor.
 */
public abstract class EventStream implements Flow.Subscriber<String> {

    private final StreamListener listener;
    private final String deployment;

    // Guarded by this.
    private Flow.Subscription subscription;
    private CompletableFuture<?> exchange;
    private boolean finished;
    private String event;
    private int status = 200;

    protected EventStream(StreamListener listener, String deployment) {
        this.listener = listener;
        this.deployment = deployment;
    }

    /**
     * The upstream answered with a status other than 2xx; {@code body} is all it sent.
     *
     * @return the failure to report, classed as the adapter's error format says
     */
    protected abstract UpstreamException errorAnswer(int status, HttpHeaders headers, byte[] body);

    /**
     * One {@code data:} line.
     *
     * @param event the name from the {@code event:} line before it, or null when the event has none
     */
    protected abstract void onEvent(String event, String data);

    /**
     * The upstream closed the body normally. The adapter either {@link #complete() completes} (if
     * what it saw makes a whole answer) or {@link #fail fails}; doing neither is a bug.
     */
    protected abstract void onEnd();

    /** Chooses how to read the body once the status is known: as events, or as an error to report. */
    public final HttpResponse.BodySubscriber<Void> bodySubscriber(HttpResponse.ResponseInfo info) {
        int code = info.statusCode();
        if (code / 100 == 2) {
            synchronized (this) {
                status = code;
            }
            // A null separator splits on \n, \r\n and \r alike, as the event-stream format allows.
            return HttpResponse.BodySubscribers.fromLineSubscriber(this, s -> null, StandardCharsets.UTF_8, null);
        }
        return HttpResponse.BodySubscribers.mapping(HttpResponse.BodySubscribers.ofByteArray(), body -> {
            fail(errorAnswer(code, info.headers(), body));
            return null;
        });
    }

    /** Ties the HTTP exchange to this stream, so that cancelling one stops the other. */
    public final synchronized void attach(CompletableFuture<?> exchange) {
        this.exchange = exchange;
        if (finished) {
            exchange.cancel(true);
        }
    }

    /** Stops reading from the upstream; the listener hears nothing more. */
    public final synchronized void cancel() {
        finished = true;
        stopUpstream();
    }

    @Override
    public final synchronized void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        if (finished) {
            subscription.cancel();
        } else {
            // The listener is non-blocking by contract, so lines are taken as fast as they come.
            subscription.request(Long.MAX_VALUE);
        }
    }

    @Override
    public final synchronized void onNext(String line) {
        if (finished) {
            return;
        }
        if (line.isEmpty()) {
            event = null;
        } else if (line.startsWith("data:")) {
            onEvent(event, line.substring(line.length() > 5 && line.charAt(5) == ' ' ? 6 : 5));
        } else if (line.startsWith("event:")) {
            event = line.substring(line.length() > 6 && line.charAt(6) == ' ' ? 7 : 6);
        }
    }

    @Override
    public final void onError(Throwable error) {
        fail(TransportFailures.ofThrowable(error, deployment));
    }

    @Override
    public final synchronized void onComplete() {
        if (!finished) {
            onEnd();
        }
    }

    /** The deployment this stream calls, for error messages. */
    protected final String deployment() {
        return deployment;
    }

    /** The HTTP status of the stream's answer. */
    protected final synchronized int status() {
        return status;
    }

    /** Whether the stream has ended, normally, with an error or by cancellation. */
    protected final synchronized boolean finished() {
        return finished;
    }

    /**
     * Hands one chunk to the listener. A listener that throws ends the stream with its own error, and
     * the upstream is not read further.
     *
     * @return false when the stream has ended and the adapter should stop
     */
    protected final synchronized boolean emit(ChatChunk chunk) {
        if (finished) {
            return false;
        }
        try {
            listener.onChunk(chunk);
            return true;
        } catch (RuntimeException e) {
            finished = true;
            stopUpstream();
            listener.onError(e);
            return false;
        }
    }

    /** Ends the stream normally. */
    protected final synchronized void complete() {
        if (finished) {
            return;
        }
        finished = true;
        listener.onComplete();
    }

    /** Reports a failure unless the stream has already ended or been cancelled. */
    public final synchronized void fail(UpstreamException error) {
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
