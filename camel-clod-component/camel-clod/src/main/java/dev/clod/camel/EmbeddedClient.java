package dev.clod.camel;

import dev.clod.gateway.CallOptions;
import dev.clod.gateway.ChatResult;
import dev.clod.gateway.ChatStreamObserver;
import dev.clod.gateway.Gateway;
import dev.clod.gateway.ModelListing;
import dev.clod.gateway.RouteInfo;
import dev.clod.gateway.StreamSummary;
import dev.clod.gateway.api.ChatChunk;
import dev.clod.gateway.api.ChatRequest;
import dev.clod.gateway.api.ClodException;
import dev.clod.gateway.api.ModelNotFoundException;
import dev.clod.gateway.provider.StreamHandle;
import dev.clod.gateway.routing.Strategy;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** The gateway running in this JVM. */
final class EmbeddedClient implements ClodClient {

    private final Gateway gateway;
    private final EmbeddedLedger ledger;
    private final String project;

    /**
     * @param ledger the ledger usage is read from, or null to read the gateway's in-memory tally
     * @param project the project usage is recorded under, or null
     */
    EmbeddedClient(Gateway gateway, EmbeddedLedger ledger, String project) {
        this.gateway = gateway;
        this.ledger = ledger;
        this.project = project;
    }

    private CallOptions options(Strategy strategy, String requestId) {
        return new CallOptions(strategy, null, requestId, null, project, null);
    }

    @Override
    public ChatReply chat(ChatRequest request, Strategy strategy, String requestId) {
        var future = gateway.chat(request, options(strategy, requestId));
        ChatResult result;
        try {
            result = future.get();
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting for the gateway's answer");
        } catch (ExecutionException e) {
            throw unwrap(e.getCause());
        }
        return new ChatReply(
                result.response(),
                RouteHeaders.of(result.route()),
                result.cost().userPrice());
    }

    @Override
    public StreamHandle stream(ChatRequest request, Strategy strategy, String requestId, StreamSink sink) {
        return gateway.stream(request, options(strategy, requestId), new ChatStreamObserver() {
            @Override
            public void onStart(RouteInfo route) {
                sink.started(RouteHeaders.of(route));
            }

            @Override
            public void onChunk(ChatChunk chunk) {
                sink.chunk(chunk);
            }

            @Override
            public void onComplete(StreamSummary summary) {
                sink.completed(summary.usage(), summary.cost().userPrice());
            }

            @Override
            public void onError(ClodException error, boolean started) {
                sink.failed(error);
            }
        });
    }

    @Override
    public List<ModelListing> models() {
        return gateway.listModels();
    }

    @Override
    public List<?> usage() {
        return ledger == null ? gateway.usage().byModel() : ledger.thisMonthByModel();
    }

    @Override
    public void checkModel(String model) {
        if (gateway.model(model).isEmpty()) {
            throw new ModelNotFoundException("The model '" + model + "' does not exist. Known models: "
                    + gateway.catalog().knownModelIds() + ".");
        }
    }

    private static RuntimeException unwrap(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause instanceof RuntimeException runtime ? runtime : new CompletionException(cause);
    }
}
