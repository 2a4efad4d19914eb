package dev.clod.gateway.engine;

import dev.clod.gateway.CallOptions;
import dev.clod.gateway.ChatResult;
import dev.clod.gateway.RouteInfo;
import dev.clod.gateway.api.AllCandidatesFailedException;
import dev.clod.gateway.api.ChatRequest;
import dev.clod.gateway.api.ChatResponse;
import dev.clod.gateway.api.ClodException;
import dev.clod.gateway.api.UpstreamException;
import dev.clod.gateway.api.UsageNotRecordedException;
import dev.clod.gateway.catalog.Deployment;
import dev.clod.gateway.catalog.Model;
import dev.clod.gateway.pricing.Cost;
import dev.clod.gateway.provider.UpstreamCall;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One non-streamed request: tries the ranked deployments in order until one answers, recording every
 * outcome in the router's statistics. A caller fault ends the request at once; any other failure moves
 * on to the next deployment.
 */
final class CompletionCall {

    private static final Logger LOG = LoggerFactory.getLogger(CompletionCall.class);

    private final Engine engine;
    private final RoutePlan plan;
    private final ChatRequest request;
    private final CallOptions options;
    private final CompletableFuture<ChatResult> result = new CompletableFuture<>();
    private final List<UpstreamException> failures = new ArrayList<>();
    private final long startedNanos;
    private volatile CompletableFuture<ChatResponse> inFlight;

    CompletionCall(Engine engine, RoutePlan plan, ChatRequest request, CallOptions options) {
        this.engine = engine;
        this.plan = plan;
        this.request = request.stream()
                ? request.toBuilder().stream(false).includeUsage(false).build()
                : request;
        this.options = options;
        this.startedNanos = engine.ticker().getAsLong();
        // Cancelling the result (the client went away) abandons the upstream call in flight.
        result.whenComplete((ignored, error) -> {
            CompletableFuture<ChatResponse> current = inFlight;
            if (Upstreams.isCancellation(error) && current != null) {
                current.cancel(true);
            }
        });
    }

    CompletableFuture<ChatResult> start() {
        attempt(0);
        return result;
    }

    private void attempt(int index) {
        if (result.isDone()) {
            return;
        }
        var ranked = plan.decision().ranked();
        if (index >= ranked.size() || index >= engine.maxAttempts()) {
            giveUp(
                    new AllCandidatesFailedException(plan.requestedModel(), failures),
                    ranked.get(index - 1).deployment());
            return;
        }
        Deployment deployment = ranked.get(index).deployment();
        if (index > 0) {
            engine.events().fellBack(ranked.get(index - 1).deployment().id(), deployment.id());
        }
        Model model = plan.modelOf(deployment.modelId());
        long started = engine.ticker().getAsLong();
        CompletableFuture<ChatResponse> call;
        try {
            call = engine.provider(deployment.providerId())
                    .complete(new UpstreamCall(request.withModel(deployment.upstreamModel()), deployment.id()));
        } catch (RuntimeException adapterDefect) {
            call = CompletableFuture.failedFuture(adapterDefect);
        }
        inFlight = call;
        call.whenComplete((response, error) -> {
            Duration elapsed = Duration.ofNanos(engine.ticker().getAsLong() - started);
            if (error == null) {
                succeed(index, deployment, model, response, elapsed);
            } else if (!Upstreams.isCancellation(error)) {
                fail(index, deployment, error);
            }
        });
    }

    private void succeed(int index, Deployment deployment, Model model, ChatResponse response, Duration elapsed) {
        // Without a stream the whole answer is the first thing the client sees, so its arrival is the
        // time to first token this deployment gave, and no token rate can be measured.
        engine.router().recordSuccess(deployment.id(), elapsed, response.usage().completionTokens(), null);
        Cost cost = plan.quote(engine.pricer(), model, deployment).costOf(response.usage());
        RouteInfo route = new RouteInfo(
                options.requestId(),
                model,
                deployment,
                plan.strategy(),
                plan.decision(),
                index + 1,
                plan.board().asOf());
        ChatResponse answer = response.withModel(model.id()).withId("chatcmpl-" + options.requestId());
        Duration total = Duration.ofNanos(engine.ticker().getAsLong() - startedNanos);
        // The answer goes out only once its usage is recorded as durably as the sinks promise.
        engine.usage()
                .record(UsageRecords.succeeded(
                        engine, plan, options, route, response.usage(), cost, total, total, false))
                .whenComplete((recorded, notRecorded) -> {
                    if (notRecorded == null) {
                        result.complete(new ChatResult(answer, route, cost, total));
                    } else {
                        result.completeExceptionally(new UsageNotRecordedException(options.requestId(), notRecorded));
                    }
                });
    }

    private void giveUp(ClodException error, Deployment lastTried) {
        Duration total = Duration.ofNanos(engine.ticker().getAsLong() - startedNanos);
        UsageRecords.recordFailure(engine, UsageRecords.failed(engine, plan, options, lastTried, error, total, false));
        result.completeExceptionally(error);
    }

    private void fail(int index, Deployment deployment, Throwable error) {
        UpstreamException failure = Upstreams.classify(error, deployment.id());
        engine.router().recordFailure(deployment.id(), failure.failureClass(), failure.retryAfter());
        engine.events().attemptFailed(deployment.id(), failure.failureClass());
        LOG.warn(
                "request {}: deployment {} failed ({}): {}",
                options.requestId(),
                deployment.id(),
                failure.failureClass(),
                failure.getMessage());
        if (!failure.failureClass().retryElsewhere()) {
            giveUp(failure, deployment);
            return;
        }
        failures.add(failure);
        attempt(index + 1);
    }
}
