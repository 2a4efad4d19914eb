package dev.clod.gateway.engine;

import dev.clod.gateway.CallOptions;
import dev.clod.gateway.ChatStreamObserver;
import dev.clod.gateway.RouteInfo;
import dev.clod.gateway.StreamSummary;
import dev.clod.gateway.api.AllCandidatesFailedException;
import dev.clod.gateway.api.ChatChunk;
import dev.clod.gateway.api.ChatRequest;
import dev.clod.gateway.api.ClodException;
import dev.clod.gateway.api.FinishReason;
import dev.clod.gateway.api.UpstreamException;
import dev.clod.gateway.api.Usage;
import dev.clod.gateway.api.UsageNotRecordedException;
import dev.clod.gateway.catalog.Deployment;
import dev.clod.gateway.catalog.Model;
import dev.clod.gateway.pricing.Cost;
import dev.clod.gateway.pricing.TokenEstimator;
import dev.clod.gateway.provider.StreamHandle;
import dev.clod.gateway.provider.StreamListener;
import dev.clod.gateway.provider.UpstreamCall;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One streamed request. Deployments are tried in ranked order until one produces its first chunk; from
 * then on the stream belongs to that deployment and a failure ends it. Chunks pass through one by one
 * with the model renamed to what the caller resolved and a stable id. The upstream is always asked for
 * usage; the usage chunk reaches the caller only if the caller asked for it.
 */
final class StreamCall {

    private static final Logger LOG = LoggerFactory.getLogger(StreamCall.class);

    private final Engine engine;
    private final RoutePlan plan;
    private final ChatRequest request;
    private final CallOptions options;
    private final ChatStreamObserver observer;
    private final String responseId;
    private final List<UpstreamException> failures = new ArrayList<>();
    private final long startedNanos;
    private volatile boolean cancelled;
    /** Guards {@link #latest} and {@link #current}: an attempt's handle is kept only while it is the latest. */
    private final Object handles = new Object();

    private int latest = -1;
    private StreamHandle current;

    StreamCall(Engine engine, RoutePlan plan, ChatRequest request, CallOptions options, ChatStreamObserver observer) {
        this.engine = engine;
        this.plan = plan;
        this.request = request.toBuilder().stream(true).includeUsage(true).build();
        this.options = options;
        this.observer = observer;
        this.responseId = "chatcmpl-" + options.requestId();
        this.startedNanos = engine.ticker().getAsLong();
    }

    StreamHandle start(boolean includeUsage) {
        attempt(0, includeUsage);
        return () -> {
            cancelled = true;
            StreamHandle handle;
            synchronized (handles) {
                handle = current;
            }
            if (handle != null) {
                handle.cancel();
            }
        };
    }

    private void attempt(int index, boolean includeUsage) {
        if (cancelled) {
            return;
        }
        var ranked = plan.decision().ranked();
        if (index >= ranked.size() || index >= engine.maxAttempts()) {
            giveUp(
                    new AllCandidatesFailedException(plan.requestedModel(), failures),
                    ranked.get(index - 1).deployment(),
                    false);
            return;
        }
        Deployment deployment = ranked.get(index).deployment();
        if (index > 0) {
            engine.events().fellBack(ranked.get(index - 1).deployment().id(), deployment.id());
        }
        Attempt attempt = new Attempt(index, deployment, plan.modelOf(deployment.modelId()), includeUsage);
        synchronized (handles) {
            latest = index;
        }
        StreamHandle handle;
        try {
            handle = engine.provider(deployment.providerId()).stream(
                    new UpstreamCall(request.withModel(deployment.upstreamModel()), deployment.id()), attempt);
        } catch (RuntimeException adapterDefect) {
            attempt.onError(adapterDefect);
            return;
        }
        // A provider may fail inside stream(), and the next attempt may already have started and
        // registered its own handle: this one must not replace it, or a cancel would miss the live stream.
        synchronized (handles) {
            if (latest == index) {
                current = handle;
            }
        }
        if (cancelled) {
            handle.cancel();
        }
    }

    private void giveUp(ClodException error, Deployment lastTried, boolean started) {
        Duration total = Duration.ofNanos(engine.ticker().getAsLong() - startedNanos);
        UsageRecords.recordFailure(engine, UsageRecords.failed(engine, plan, options, lastTried, error, total, true));
        observer.onError(error, started);
    }

    /** Listens to one deployment's stream. */
    private final class Attempt implements StreamListener {
        private final int index;
        private final Deployment deployment;
        private final Model model;
        private final boolean includeUsage;
        private final long attemptStartedNanos = engine.ticker().getAsLong();
        private long firstChunkNanos;
        private boolean started;
        private Usage usage;
        private FinishReason finishReason;
        private long generatedChars;
        private long lastCreated;
        private RouteInfo route;

        Attempt(int index, Deployment deployment, Model model, boolean includeUsage) {
            this.index = index;
            this.deployment = deployment;
            this.model = model;
            this.includeUsage = includeUsage;
        }

        @Override
        public void onChunk(ChatChunk chunk) {
            if (cancelled) {
                return;
            }
            begin();
            lastCreated = chunk.created();
            if (chunk.usage() != null) {
                usage = chunk.usage();
            }
            for (ChatChunk.ChunkChoice choice : chunk.choices()) {
                ChatChunk.Delta delta = choice.delta();
                generatedChars += delta.content() == null ? 0 : delta.content().length();
                for (ChatChunk.ToolCallDelta call : delta.toolCalls()) {
                    generatedChars +=
                            call.arguments() == null ? 0 : call.arguments().length();
                }
                if (choice.finishReason() != null) {
                    finishReason = choice.finishReason();
                }
            }
            if (chunk.isUsageOnly()) {
                if (includeUsage) {
                    observer.onChunk(rename(chunk));
                }
                return;
            }
            ChatChunk outgoing = includeUsage || chunk.usage() == null
                    ? chunk
                    : new ChatChunk(chunk.id(), chunk.created(), chunk.model(), chunk.choices(), null);
            observer.onChunk(rename(outgoing));
        }

        @Override
        public void onComplete() {
            if (cancelled) {
                return;
            }
            begin();
            long now = engine.ticker().getAsLong();
            boolean estimated = usage == null;
            Usage finalUsage = estimated
                    ? new Usage(TokenEstimator.promptTokens(request), TokenEstimator.tokensOfChars(generatedChars), 0)
                    : usage;
            if (estimated && includeUsage) {
                observer.onChunk(new ChatChunk(responseId, lastCreated, model.id(), List.of(), finalUsage));
            }
            Duration ttft = Duration.ofNanos(firstChunkNanos - attemptStartedNanos);
            Duration generation = Duration.ofNanos(now - firstChunkNanos);
            engine.router().recordSuccess(deployment.id(), ttft, finalUsage.completionTokens(), generation);
            Cost cost = plan.quote(engine.pricer(), model, deployment).costOf(finalUsage);
            Duration total = Duration.ofNanos(now - startedNanos);
            Duration sinceRequest = Duration.ofNanos(firstChunkNanos - startedNanos);
            StreamSummary summary = new StreamSummary(finalUsage, estimated, cost, finishReason, sinceRequest, total);
            // The end of the stream goes out only once its usage is recorded as the sinks promise.
            engine.usage()
                    .record(UsageRecords.succeeded(
                            engine, plan, options, route, finalUsage, cost, sinceRequest, total, true))
                    .whenComplete((recorded, notRecorded) -> {
                        if (cancelled) {
                            return;
                        }
                        if (notRecorded == null) {
                            observer.onComplete(summary);
                        } else {
                            observer.onError(new UsageNotRecordedException(options.requestId(), notRecorded), true);
                        }
                    });
        }

        @Override
        public void onError(Throwable error) {
            if (cancelled) {
                return;
            }
            UpstreamException failure = Upstreams.classify(error, deployment.id());
            engine.router().recordFailure(deployment.id(), failure.failureClass(), failure.retryAfter());
            engine.events().attemptFailed(deployment.id(), failure.failureClass());
            LOG.warn(
                    "request {}: deployment {} failed {} streaming ({}): {}",
                    options.requestId(),
                    deployment.id(),
                    started ? "while" : "before",
                    failure.failureClass(),
                    failure.getMessage());
            if (started || !failure.failureClass().retryElsewhere()) {
                giveUp(failure, deployment, started);
                return;
            }
            failures.add(failure);
            attempt(index + 1, includeUsage);
        }

        private void begin() {
            if (!started) {
                started = true;
                firstChunkNanos = engine.ticker().getAsLong();
                route = new RouteInfo(
                        options.requestId(),
                        model,
                        deployment,
                        plan.strategy(),
                        plan.decision(),
                        index + 1,
                        plan.board().asOf());
                observer.onStart(route);
            }
        }

        private ChatChunk rename(ChatChunk chunk) {
            return new ChatChunk(responseId, chunk.created(), model.id(), chunk.choices(), chunk.usage());
        }
    }
}
