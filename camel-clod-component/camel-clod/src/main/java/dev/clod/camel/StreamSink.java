package dev.clod.camel;

import dev.clod.gateway.api.ChatChunk;
import dev.clod.gateway.api.Usage;
import java.math.BigDecimal;

/**
 * Receives one streamed answer from either mode. Calls are sequential; {@link #started} comes before
 * the first chunk, and exactly one of {@link #completed} and {@link #failed} ends the stream (a failure
 * may come without a start).
 */
interface StreamSink {

    void started(RouteHeaders route);

    void chunk(ChatChunk chunk);

    /**
     * The stream ended well.
     *
     * @param usage the final count, or null to take it from the usage chunk
     * @param costUsd what it cost, or null when unknown
     */
    void completed(Usage usage, BigDecimal costUsd);

    void failed(RuntimeException error);
}
