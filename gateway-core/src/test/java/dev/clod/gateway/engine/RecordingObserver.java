package dev.clod.gateway.engine;

import dev.clod.gateway.ChatStreamObserver;
import dev.clod.gateway.RouteInfo;
import dev.clod.gateway.StreamSummary;
import dev.clod.gateway.api.ChatChunk;
import dev.clod.gateway.api.ClodException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records what the engine tells a stream's observer, in order. */
final class RecordingObserver implements ChatStreamObserver {

    final List<String> events = new CopyOnWriteArrayList<>();
    final List<ChatChunk> chunks = new CopyOnWriteArrayList<>();
    volatile RouteInfo route;
    volatile StreamSummary summary;
    volatile ClodException error;
    volatile boolean errorAfterStart;

    @Override
    public void onStart(RouteInfo route) {
        this.route = route;
        events.add("start");
    }

    @Override
    public void onChunk(ChatChunk chunk) {
        chunks.add(chunk);
        events.add(chunk.isUsageOnly() ? "usage" : "chunk");
    }

    @Override
    public void onComplete(StreamSummary summary) {
        this.summary = summary;
        events.add("complete");
    }

    @Override
    public void onError(ClodException error, boolean started) {
        this.error = error;
        this.errorAfterStart = started;
        events.add("error");
    }
}
