package dev.clod.gateway.provider;

import dev.clod.gateway.api.ChatChunk;

/**
 * Receives a streamed answer. Calls come one at a time, never concurrently, in the order the
 * upstream sent them.
 */
public interface StreamListener {

    /** One chunk. A usage-only chunk (no choices) may come last. */
    void onChunk(ChatChunk chunk);

    /** The stream ended normally. */
    void onComplete();

    /** The stream failed, before or after some chunks. */
    void onError(Throwable error);
}
