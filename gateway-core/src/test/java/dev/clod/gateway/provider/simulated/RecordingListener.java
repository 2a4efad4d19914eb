package dev.clod.gateway.provider.simulated;

import dev.clod.gateway.api.ChatChunk;
import dev.clod.gateway.provider.StreamListener;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records a stream; {@link #done} completes when it ends either way. */
final class RecordingListener implements StreamListener {

    final List<ChatChunk> chunks = new CopyOnWriteArrayList<>();
    final CompletableFuture<Void> done = new CompletableFuture<>();
    volatile int endings;

    @Override
    public void onChunk(ChatChunk chunk) {
        chunks.add(chunk);
    }

    @Override
    public void onComplete() {
        endings++;
        done.complete(null);
    }

    @Override
    public void onError(Throwable error) {
        endings++;
        done.completeExceptionally(error);
    }

    String text() {
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

    String toolArguments() {
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
