package dev.clod.camel;

import dev.clod.gateway.api.ChatRequest;
import dev.clod.gateway.provider.StreamHandle;
import dev.clod.gateway.routing.Strategy;
import java.util.List;

/**
 * A gateway as the producer sees it, embedded in this JVM or behind a server's HTTP API. Both answer
 * the same calls and fail with the {@code ClodException} family.
 */
interface ClodClient {

    /** Answers in full, blocking the caller until then. */
    ChatReply chat(ChatRequest request, Strategy strategy, String requestId);

    /** Starts a stream into {@code sink} without blocking; cancelling the handle stops it. */
    StreamHandle stream(ChatRequest request, Strategy strategy, String requestId, StreamSink sink);

    /** The models this gateway serves. */
    List<?> models();

    /** Usage per model since the gateway started. */
    List<?> usage();

    /** Fails when the gateway certainly cannot serve {@code model}; a remote one is not asked. */
    void checkModel(String model);
}
