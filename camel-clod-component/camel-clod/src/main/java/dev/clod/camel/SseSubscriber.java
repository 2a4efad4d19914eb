package dev.clod.camel;

import dev.clod.gateway.api.json.ChatJson;
import dev.clod.gateway.api.json.ErrorBodyException;
import java.util.concurrent.Flow;

/**
 * Reads a server's {@code text/event-stream} answer line by line into a {@link StreamSink}: each {@code
 * data:} line is a chunk, an error envelope or the closing {@code [DONE]}. A body that ends without
 * {@code [DONE]} was cut off and fails the stream.
 */
final class SseSubscriber implements Flow.Subscriber<String> {

    private static final String DATA = "data:";
    private static final String DONE = "[DONE]";

    private final StreamSink sink;
    private volatile Flow.Subscription subscription;
    private volatile boolean cancelled;
    private boolean ended;

    SseSubscriber(StreamSink sink) {
        this.sink = sink;
    }

    /** Stops reading; the connection is released and no further sink call follows. */
    void cancel() {
        cancelled = true;
        Flow.Subscription current = subscription;
        if (current != null) {
            current.cancel();
        }
    }

    @Override
    public void onSubscribe(Flow.Subscription newSubscription) {
        this.subscription = newSubscription;
        if (cancelled) {
            newSubscription.cancel();
            return;
        }
        // The sink never blocks and bounds what it holds, so lines are taken as they come.
        newSubscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(String line) {
        if (ended || cancelled || !line.startsWith(DATA)) {
            return;
        }
        String data = line.substring(DATA.length()).strip();
        if (data.equals(DONE)) {
            ended = true;
            sink.completed(null, null);
            return;
        }
        try {
            sink.chunk(ChatJson.readChunk(data));
        } catch (ErrorBodyException error) {
            end(RemoteErrors.fromBody(0, error.error()));
        } catch (RuntimeException unreadable) {
            end(new ClodRemoteException(
                    502, "api_error", null, null, "The gateway server sent an unreadable chunk: " + data, unreadable));
        }
    }

    @Override
    public void onError(Throwable error) {
        if (!ended && !cancelled) {
            end(new ClodRemoteException(
                    502,
                    ClodRemoteException.CONNECTION_ERROR,
                    null,
                    null,
                    "The stream from the gateway server broke off: " + error,
                    error));
        }
    }

    @Override
    public void onComplete() {
        if (!ended && !cancelled) {
            end(new ClodRemoteException(
                    502,
                    ClodRemoteException.CONNECTION_ERROR,
                    null,
                    null,
                    "The stream from the gateway server ended before [DONE]",
                    null));
        }
    }

    private void end(RuntimeException error) {
        ended = true;
        Flow.Subscription current = subscription;
        if (current != null) {
            current.cancel();
        }
        sink.failed(error);
    }
}
