package dev.clod.gateway.provider;

import dev.clod.gateway.api.ChatChunk;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Records what a stream delivered and checks the listener contract on the way: no overlapping calls,
 * nothing after the end. {@link #done} completes with the stream's end, exceptionally on an error.
 */
public final class RecordingListener implements StreamListener {

    public final List<ChatChunk> chunks = new CopyOnWriteArrayList<>();
    public final List<String> violations = new CopyOnWriteArrayList<>();
    public final CompletableFuture<Void> done = new CompletableFuture<>();

    private final AtomicBoolean inCall = new AtomicBoolean();
    private final Consumer<ChatChunk> onEachChunk;

    public RecordingListener() {
        this(chunk -> {});
    }

    /** A listener that also runs {@code onEachChunk} inside each {@code onChunk} call. */
    public RecordingListener(Consumer<ChatChunk> onEachChunk) {
        this.onEachChunk = onEachChunk;
    }

    @Override
    public void onChunk(ChatChunk chunk) {
        enter("onChunk");
        try {
            chunks.add(chunk);
            onEachChunk.accept(chunk);
        } finally {
            inCall.set(false);
        }
    }

    @Override
    public void onComplete() {
        enter("onComplete");
        done.complete(null);
        inCall.set(false);
    }

    @Override
    public void onError(Throwable error) {
        enter("onError");
        done.completeExceptionally(error);
        inCall.set(false);
    }

    private void enter(String call) {
        if (!inCall.compareAndSet(false, true)) {
            violations.add(call + " overlapped another call");
        }
        if (done.isDone()) {
            violations.add(call + " after the stream ended");
        }
    }

    /** Waits for the end and returns the error it ended with, or null after a normal end. */
    public Throwable awaitEnd() throws InterruptedException, TimeoutException {
        try {
            done.get(10, TimeUnit.SECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        }
    }

    /** The text of every content delta, in order. */
    public String text() {
        StringBuilder text = new StringBuilder();
        for (ChatChunk chunk : chunks) {
            for (ChatChunk.ChunkChoice choice : chunk.choices()) {
                if (choice.delta().content() != null) {
                    text.append(choice.delta().content());
                }
            }
        }
        return text.toString();
    }

    /** The arguments of every tool-call delta, in order. */
    public String toolArguments() {
        StringBuilder arguments = new StringBuilder();
        for (ChatChunk chunk : chunks) {
            for (ChatChunk.ChunkChoice choice : chunk.choices()) {
                for (ChatChunk.ToolCallDelta call : choice.delta().toolCalls()) {
                    arguments.append(call.arguments() == null ? "" : call.arguments());
                }
            }
        }
        return arguments.toString();
    }
}
