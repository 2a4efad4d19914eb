package dev.clod.gateway;

import dev.clod.gateway.api.ChatChunk;
import dev.clod.gateway.api.ClodException;

/**
 * Receives a streamed chat. Calls are sequential. {@link #onStart} comes once, just before the first
 * chunk, when a deployment has produced output and no other will be tried; a failure before that is
 * reported through {@link #onError} with nothing started, so the caller can still answer with a plain
 * error. Exactly one of {@link #onComplete} and {@link #onError} ends the stream unless it is
 * cancelled.
 */
public interface ChatStreamObserver {

    void onStart(RouteInfo route);

    /** A chunk, with the model named as resolved and the usage chunk only if the caller asked for it. */
    void onChunk(ChatChunk chunk);

    void onComplete(StreamSummary summary);

    /** The request failed; {@code started} tells whether chunks were already delivered. */
    void onError(ClodException error, boolean started);
}
