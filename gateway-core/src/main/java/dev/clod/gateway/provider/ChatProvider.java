package dev.clod.gateway.provider;

import dev.clod.gateway.api.ChatResponse;
import java.util.concurrent.CompletableFuture;

/**
 * One upstream API. Implementations are thread-safe and never block the calling thread: the answer
 * arrives on the future or the listener.
 *
 * <p>Failures are reported as {@link dev.clod.gateway.api.UpstreamException} with a {@link
 * dev.clod.gateway.api.FailureClass}, so the router can decide whether another deployment should be
 * tried.
 */
public interface ChatProvider extends AutoCloseable {

    /** The provider's id from the configuration. */
    String id();

    /** The kind, as written in the configuration ({@code openai}, {@code simulated}, …). */
    String kind();

    /**
     * Whether calls can be made at all; false when, for example, the API key is not configured. An
     * unavailable provider's deployments are listed but never routed to.
     */
    boolean available();

    /** Why the provider is unavailable, for listings; null when it is available. */
    default String unavailableReason() {
        return available() ? null : "provider '" + id() + "' is not configured";
    }

    /**
     * Asks for a complete answer. Cancelling the returned future abandons the upstream call.
     *
     * <p>The request's model is already the upstream model name.
     */
    CompletableFuture<ChatResponse> complete(UpstreamCall call);

    /**
     * Streams an answer to the listener. Exactly one of {@link StreamListener#onComplete()} or
     * {@link StreamListener#onError(Throwable)} ends the stream, unless it is cancelled first.
     */
    StreamHandle stream(UpstreamCall call, StreamListener listener);

    @Override
    default void close() {}
}
