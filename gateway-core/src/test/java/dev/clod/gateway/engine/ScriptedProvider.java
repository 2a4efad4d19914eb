package dev.clod.gateway.engine;

import dev.clod.gateway.api.AssistantMessage;
import dev.clod.gateway.api.ChatChunk;
import dev.clod.gateway.api.ChatResponse;
import dev.clod.gateway.api.FinishReason;
import dev.clod.gateway.api.Usage;
import dev.clod.gateway.provider.ChatProvider;
import dev.clod.gateway.provider.StreamHandle;
import dev.clod.gateway.provider.StreamListener;
import dev.clod.gateway.provider.UpstreamCall;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A provider that does what a test tells it, on the calling thread: answer, fail, stream some chunks
 * and then fail, or hold a stream open until the test releases it.
 */
final class ScriptedProvider implements ChatProvider {

    private final String id;
    private final boolean available;
    final List<UpstreamCall> calls = new CopyOnWriteArrayList<>();
    volatile RuntimeException failure;
    volatile RuntimeException failureAfterFirstChunk;
    volatile Usage usage = new Usage(10, 4, 0);
    volatile boolean sendsUsage = true;
    volatile boolean holdStream;
    volatile boolean cancelled;
    volatile StreamListener heldListener;

    ScriptedProvider(String id) {
        this(id, true);
    }

    ScriptedProvider(String id, boolean available) {
        this.id = id;
        this.available = available;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String kind() {
        return "scripted";
    }

    @Override
    public boolean available() {
        return available;
    }

    @Override
    public String unavailableReason() {
        return available ? null : "provider '" + id + "' has no API key: ${" + id.toUpperCase() + "_KEY} is not set";
    }

    @Override
    public CompletableFuture<ChatResponse> complete(UpstreamCall call) {
        calls.add(call);
        if (failure != null) {
            return CompletableFuture.failedFuture(failure);
        }
        return CompletableFuture.completedFuture(new ChatResponse(
                "upstream-id",
                1_723_300_000L,
                call.request().model(),
                List.of(new ChatResponse.Choice(0, AssistantMessage.of("answer from " + id), FinishReason.STOP)),
                usage,
                null));
    }

    @Override
    public StreamHandle stream(UpstreamCall call, StreamListener listener) {
        calls.add(call);
        if (failure != null) {
            listener.onError(failure);
            return () -> cancelled = true;
        }
        listener.onChunk(chunk(call, new ChatChunk.Delta("assistant", "answer ", List.of(), null), null));
        if (failureAfterFirstChunk != null) {
            listener.onError(failureAfterFirstChunk);
            return () -> cancelled = true;
        }
        if (holdStream) {
            heldListener = listener;
            return () -> cancelled = true;
        }
        listener.onChunk(chunk(call, ChatChunk.Delta.text("from " + id), null));
        listener.onChunk(chunk(call, ChatChunk.Delta.EMPTY, FinishReason.STOP));
        if (sendsUsage) {
            listener.onChunk(new ChatChunk("up", 1_723_300_000L, call.request().model(), List.of(), usage));
        }
        listener.onComplete();
        return () -> cancelled = true;
    }

    List<String> upstreamModels() {
        List<String> models = new ArrayList<>();
        calls.forEach(call -> models.add(call.request().model()));
        return models;
    }

    private static ChatChunk chunk(UpstreamCall call, ChatChunk.Delta delta, FinishReason finish) {
        return new ChatChunk(
                "up",
                1_723_300_000L,
                call.request().model(),
                List.of(new ChatChunk.ChunkChoice(0, delta, finish)),
                null);
    }
}
