package dev.clod.gateway.provider.simulated;

import dev.clod.gateway.api.AssistantMessage;
import dev.clod.gateway.api.ChatChunk;
import dev.clod.gateway.api.ChatChunk.ChunkChoice;
import dev.clod.gateway.api.ChatChunk.Delta;
import dev.clod.gateway.api.ChatChunk.ToolCallDelta;
import dev.clod.gateway.api.ChatResponse;
import dev.clod.gateway.api.FinishReason;
import dev.clod.gateway.api.ToolCall;
import dev.clod.gateway.api.Usage;
import dev.clod.gateway.pricing.TokenEstimator;
import dev.clod.gateway.provider.ChatProvider;
import dev.clod.gateway.provider.StreamHandle;
import dev.clod.gateway.provider.StreamListener;
import dev.clod.gateway.provider.UpstreamCall;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A model server simulated in-process: the first token after {@code timeToFirstToken}, then tokens at
 * {@code tokensPerSecond}, streamed or as one answer. What it says is decided by {@link ReplyPlanner};
 * its usage counts are estimates of the same kind a tokenizer would give.
 */
public final class SimulatedProvider implements ChatProvider {

    /** Below this, several tokens go out in one chunk, as real servers batch them under load. */
    private static final long MIN_TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    private static final int ARGUMENT_FRAGMENT_CHARS = 12;

    private final String id;
    private final Duration timeToFirstToken;
    private final double tokensPerSecond;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final ReplyPlanner planner;

    public SimulatedProvider(
            String id,
            Duration timeToFirstToken,
            double tokensPerSecond,
            ScheduledExecutorService scheduler,
            Clock clock) {
        this.id = Objects.requireNonNull(id, "id");
        this.timeToFirstToken = Objects.requireNonNull(timeToFirstToken, "timeToFirstToken");
        if (!(tokensPerSecond > 0)) {
            throw new IllegalArgumentException("tokensPerSecond must be positive");
        }
        this.tokensPerSecond = tokensPerSecond;
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.planner = new ReplyPlanner(id);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String kind() {
        return "simulated";
    }

    @Override
    public boolean available() {
        return true;
    }

    @Override
    public CompletableFuture<ChatResponse> complete(UpstreamCall call) {
        PlannedReply reply = planner.plan(call.request(), newCallId());
        List<String> pieces = pieces(reply);
        long delayNanos = timeToFirstToken.toNanos() + (long) ((pieces.size() - 1) * 1e9 / tokensPerSecond);
        CompletableFuture<ChatResponse> result = new CompletableFuture<>();
        ScheduledFuture<?> timer = scheduler.schedule(
                () -> result.complete(response(call, reply, pieces.size())),
                Math.max(0, delayNanos),
                TimeUnit.NANOSECONDS);
        result.whenComplete((ignored, error) -> timer.cancel(false));
        return result;
    }

    @Override
    public StreamHandle stream(UpstreamCall call, StreamListener listener) {
        PlannedReply reply = planner.plan(call.request(), newCallId());
        Emission emission = new Emission(call, reply, listener);
        emission.scheduleNext(timeToFirstToken.toNanos());
        return emission::cancel;
    }

    private ChatResponse response(UpstreamCall call, PlannedReply reply, int completionTokens) {
        Usage usage = new Usage(TokenEstimator.promptTokens(call.request()), completionTokens, 0);
        AssistantMessage message;
        FinishReason finish;
        if (reply instanceof PlannedReply.ToolCalls tools) {
            message = AssistantMessage.ofToolCalls(tools.calls());
            finish = FinishReason.TOOL_CALLS;
        } else {
            PlannedReply.Text text = (PlannedReply.Text) reply;
            message = AssistantMessage.of(String.join("", text.tokens()));
            finish = text.finishReason();
        }
        return new ChatResponse(
                responseId(),
                clock.instant().getEpochSecond(),
                call.request().model(),
                List.of(new ChatResponse.Choice(0, message, finish)),
                usage,
                null);
    }

    /** The pieces the reply is emitted in: text tokens, or a tool call's argument fragments. */
    private static List<String> pieces(PlannedReply reply) {
        if (reply instanceof PlannedReply.Text text) {
            return text.tokens().isEmpty() ? List.of("") : text.tokens();
        }
        List<String> pieces = new ArrayList<>();
        for (ToolCall call : ((PlannedReply.ToolCalls) reply).calls()) {
            String arguments = call.arguments();
            for (int i = 0; i < arguments.length(); i += ARGUMENT_FRAGMENT_CHARS) {
                pieces.add(arguments.substring(i, Math.min(arguments.length(), i + ARGUMENT_FRAGMENT_CHARS)));
            }
        }
        return pieces;
    }

    private static String newCallId() {
        return "call_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
    }

    private static String responseId() {
        return "chatcmpl-" + UUID.randomUUID().toString().replace("-", "");
    }

    /** One streamed answer in progress; each step schedules the next, so the listener is never called concurrently. */
    private final class Emission {
        private final UpstreamCall call;
        private final PlannedReply reply;
        private final StreamListener listener;
        private final List<String> pieces;
        private final String responseId = responseId();
        private final long created = clock.instant().getEpochSecond();
        private final AtomicBoolean cancelled = new AtomicBoolean();
        private final int piecesPerTick;
        private final long tickNanos;
        private volatile ScheduledFuture<?> pending;
        private int next;

        Emission(UpstreamCall call, PlannedReply reply, StreamListener listener) {
            this.call = call;
            this.reply = reply;
            this.listener = listener;
            this.pieces = pieces(reply);
            double nanosPerPiece = 1e9 / tokensPerSecond;
            this.piecesPerTick = (int) Math.max(1, Math.ceil(MIN_TICK_NANOS / nanosPerPiece));
            this.tickNanos = (long) (piecesPerTick * nanosPerPiece);
        }

        void scheduleNext(long delayNanos) {
            if (!cancelled.get()) {
                pending = scheduler.schedule(this::step, Math.max(0, delayNanos), TimeUnit.NANOSECONDS);
            }
        }

        void cancel() {
            cancelled.set(true);
            ScheduledFuture<?> current = pending;
            if (current != null) {
                current.cancel(false);
            }
        }

        private void step() {
            if (cancelled.get()) {
                return;
            }
            try {
                if (next < pieces.size()) {
                    int end = Math.min(pieces.size(), next + piecesPerTick);
                    listener.onChunk(chunk(deltaFor(next, end), null, null));
                    next = end;
                    scheduleNext(next < pieces.size() ? tickNanos : 0);
                    return;
                }
                FinishReason finish =
                        reply instanceof PlannedReply.Text text ? text.finishReason() : FinishReason.TOOL_CALLS;
                listener.onChunk(chunk(Delta.EMPTY, finish, null));
                listener.onChunk(new ChatChunk(
                        responseId,
                        created,
                        call.request().model(),
                        List.of(),
                        new Usage(TokenEstimator.promptTokens(call.request()), pieces.size(), 0)));
                listener.onComplete();
            } catch (RuntimeException listenerFailure) {
                cancelled.set(true);
                listener.onError(listenerFailure);
            }
        }

        private Delta deltaFor(int from, int to) {
            String role = from == 0 ? "assistant" : null;
            String text = String.join("", pieces.subList(from, to));
            if (reply instanceof PlannedReply.ToolCalls tools) {
                ToolCall toolCall = tools.calls().get(0);
                ToolCallDelta delta = from == 0
                        ? new ToolCallDelta(0, toolCall.id(), toolCall.name(), text)
                        : new ToolCallDelta(0, null, null, text);
                return new Delta(role, null, List.of(delta), null);
            }
            return new Delta(role, text, List.of(), null);
        }

        private ChatChunk chunk(Delta delta, FinishReason finish, Usage usage) {
            return new ChatChunk(
                    responseId, created, call.request().model(), List.of(new ChunkChoice(0, delta, finish)), usage);
        }
    }
}
