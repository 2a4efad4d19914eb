package dev.clod.camel;

import dev.clod.gateway.api.ChatChunk;
import dev.clod.gateway.api.FinishReason;
import dev.clod.gateway.api.Usage;
import dev.clod.gateway.provider.StreamHandle;
import java.io.Closeable;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import org.apache.camel.Message;

/**
 * A streamed answer as the exchange body: an iterator of text pieces, fed by the gateway's thread
 * through a bounded queue and read by the route's thread as the pieces arrive.
 *
 * <p>The gateway's thread never blocks here (it may serve other streams, or the very tool the route is
 * about to call); when the reader falls {@code capacity} pieces behind, the stream is cancelled and the
 * iterator throws. When the iterator reaches the end it writes the token, cost, finish-reason and
 * tool-call headers onto the message the stream was produced for, from the reader's thread, so a step
 * after {@code split(body()).streaming()} sees them. A failed stream makes the iterator throw the
 * gateway's exception.
 */
final class ClodStream implements Iterator<String>, Closeable, StreamSink {

    private sealed interface Signal permits Piece, End, Failure {}

    private record Piece(ChatChunk chunk) implements Signal {}

    private record End(Usage usage, BigDecimal costUsd) implements Signal {}

    private record Failure(RuntimeException error) implements Signal {}

    private final Message message;
    private final int capacity;
    // One slot more than the pieces may fill, so the end of the stream always fits.
    private final LinkedBlockingQueue<Signal> queue;
    private final CountDownLatch startedOrFailed = new CountDownLatch(1);
    private final ToolCallAssembler toolCalls = new ToolCallAssembler();

    // Written by the gateway's thread, read after the latch.
    private volatile RouteHeaders route;
    private volatile RuntimeException failedBeforeStart;
    private volatile StreamHandle handle;
    // Only the gateway's thread, which calls the sink methods one at a time.
    private boolean ended;

    // Only the reader's thread.
    private String next;
    private boolean finished;
    private Usage usageFromChunks;
    private FinishReason finishReason;

    ClodStream(Message message, int capacity) {
        this.message = message;
        this.capacity = capacity;
        this.queue = new LinkedBlockingQueue<>(capacity + 1);
    }

    void attach(StreamHandle streamHandle) {
        this.handle = streamHandle;
    }

    /**
     * Waits until the gateway has chosen a deployment and it produced output, then returns where the
     * stream is served. A failure before that is thrown here, so the exchange fails as a plain call
     * would.
     */
    RouteHeaders awaitStart() {
        try {
            startedOrFailed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new CancellationException("interrupted while waiting for the stream to start");
        }
        if (failedBeforeStart != null) {
            throw failedBeforeStart;
        }
        return route;
    }

    // StreamSink: the gateway's thread

    @Override
    public void started(RouteHeaders startedRoute) {
        this.route = startedRoute;
        startedOrFailed.countDown();
    }

    @Override
    public void chunk(ChatChunk chunk) {
        if (ended) {
            return;
        }
        if (queue.remainingCapacity() > 1) {
            queue.offer(new Piece(chunk));
            return;
        }
        ended = true;
        StreamHandle running = handle;
        if (running != null) {
            running.cancel();
        }
        queue.offer(new Failure(new IllegalStateException("The stream's reader fell more than " + capacity
                + " pieces behind, so the stream was cancelled. Consume the body with split(body()).streaming()"
                + " or raise streamBufferSize.")));
    }

    @Override
    public void completed(Usage usage, BigDecimal costUsd) {
        if (!ended) {
            ended = true;
            queue.offer(new End(usage, costUsd));
        }
        startedOrFailed.countDown();
    }

    @Override
    public void failed(RuntimeException error) {
        if (startedOrFailed.getCount() > 0) {
            failedBeforeStart = error;
        }
        if (!ended) {
            ended = true;
            queue.offer(new Failure(error));
        }
        startedOrFailed.countDown();
    }

    // Iterator: the reader's thread

    @Override
    public boolean hasNext() {
        while (next == null && !finished) {
            Signal signal;
            try {
                signal = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
                throw new CancellationException("interrupted while waiting for the next piece of the stream");
            }
            if (signal instanceof Piece piece) {
                next = read(piece.chunk());
            } else if (signal instanceof End end) {
                finished = true;
                writeEndHeaders(end);
            } else if (signal instanceof Failure failure) {
                finished = true;
                throw failure.error();
            }
        }
        return next != null;
    }

    @Override
    public String next() {
        if (!hasNext()) {
            throw new NoSuchElementException("the stream has ended");
        }
        String piece = next;
        next = null;
        return piece;
    }

    /** Stops the upstream call when the reader gives up early; Camel's splitter closes its iterator. */
    @Override
    public void close() {
        StreamHandle running = handle;
        if (running != null && !finished) {
            running.cancel();
        }
    }

    /** The text the chunk adds, or null when it adds none (role, tool-call or usage chunks). */
    private String read(ChatChunk chunk) {
        if (chunk.usage() != null) {
            usageFromChunks = chunk.usage();
        }
        String text = null;
        for (ChatChunk.ChunkChoice choice : chunk.choices()) {
            if (choice.index() != 0) {
                continue;
            }
            if (choice.finishReason() != null) {
                finishReason = choice.finishReason();
            }
            toolCalls.add(choice.delta().toolCalls());
            String content = choice.delta().content();
            if (content != null && !content.isEmpty()) {
                text = content;
            }
        }
        return text;
    }

    private void writeEndHeaders(End end) {
        Usage usage = end.usage() != null ? end.usage() : usageFromChunks;
        if (usage != null) {
            ReplyHeaders.usage(message, usage);
        }
        if (end.costUsd() != null) {
            message.setHeader(ClodConstants.COST_USD, end.costUsd());
        }
        if (finishReason != null) {
            message.setHeader(ClodConstants.FINISH_REASON, finishReason.wireName());
        }
        if (!toolCalls.isEmpty()) {
            message.setHeader(ClodConstants.TOOL_CALLS, toolCalls.calls());
        }
    }
}
