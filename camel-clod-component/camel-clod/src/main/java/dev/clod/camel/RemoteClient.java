package dev.clod.camel;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clod.gateway.api.ChatRequest;
import dev.clod.gateway.api.json.ChatJson;
import dev.clod.gateway.provider.StreamHandle;
import dev.clod.gateway.routing.Strategy;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscribers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;

/**
 * A clod gateway server reached over its OpenAI-compatible HTTP API: {@code POST /chat/completions}
 * (answers and server-sent events) and {@code GET /models}, with the route read from the {@code
 * x-clod-*} response headers.
 */
final class RemoteClient implements ClodClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private final HttpClient http;
    private final String baseUrl;
    private final String apiKey;

    RemoteClient(HttpClient http, String baseUrl, String apiKey) {
        this.http = http;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.apiKey = apiKey;
    }

    @Override
    public ChatReply chat(ChatRequest request, Strategy strategy, String requestId) {
        HttpResponse<byte[]> response =
                send(post(request.toBuilder().stream(false).build(), strategy));
        if (response.statusCode() != 200) {
            throw RemoteErrors.fromResponse(response.statusCode(), response.body());
        }
        BigDecimal cost = response.headers()
                .firstValue("x-clod-cost-usd")
                .map(BigDecimal::new)
                .orElse(null);
        return new ChatReply(ChatJson.readResponse(response.body()), RouteHeaders.of(response.headers()), cost);
    }

    @Override
    public StreamHandle stream(ChatRequest request, Strategy strategy, String requestId, StreamSink sink) {
        SseSubscriber events = new SseSubscriber(sink);
        HttpResponse.BodyHandler<Void> handler = info -> {
            if (info.statusCode() != 200) {
                return BodySubscribers.mapping(BodySubscribers.ofByteArray(), body -> {
                    sink.failed(RemoteErrors.fromResponse(info.statusCode(), body));
                    return null;
                });
            }
            // The server sends its headers with the first chunk, once a deployment is answering.
            sink.started(RouteHeaders.of(info.headers()));
            return BodySubscribers.fromLineSubscriber(events);
        };
        http.sendAsync(post(request.toBuilder().stream(true).includeUsage(true).build(), strategy), handler)
                .whenComplete((ignored, error) -> {
                    if (error != null) {
                        sink.failed(RemoteErrors.unreachable(baseUrl, error));
                    }
                });
        return events::cancel;
    }

    @Override
    public List<Map<String, Object>> models() {
        HttpRequest.Builder get = authorized(HttpRequest.newBuilder(URI.create(baseUrl + "/models")))
                .GET();
        HttpResponse<byte[]> response = send(get.build());
        if (response.statusCode() != 200) {
            throw RemoteErrors.fromResponse(response.statusCode(), response.body());
        }
        try {
            JsonNode data = JSON.readTree(response.body()).path("data");
            List<Map<String, Object>> models = new ArrayList<>();
            for (JsonNode model : data) {
                models.add(JSON.convertValue(model, MAP));
            }
            return models;
        } catch (IOException e) {
            throw new ClodRemoteException(
                    502, "api_error", null, null, "The gateway server sent an unreadable model list", e);
        }
    }

    @Override
    public List<?> usage() {
        throw new UnsupportedOperationException("clod:usage works with the embedded gateway only: a gateway server"
                + " does not expose usage over HTTP yet. Read it from the server itself.");
    }

    @Override
    public void checkModel(String model) {
        // The server may not be up while routes start; it checks the model on every request.
    }

    private HttpRequest post(ChatRequest request, Strategy strategy) {
        HttpRequest.Builder post = authorized(HttpRequest.newBuilder(URI.create(baseUrl + "/chat/completions")))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(ChatJson.writeRequest(request)));
        if (strategy != null) {
            post.header("x-clod-strategy", strategy.label());
        }
        return post.build();
    }

    private HttpRequest.Builder authorized(HttpRequest.Builder builder) {
        if (apiKey != null && !apiKey.isBlank()) {
            builder.header("authorization", "Bearer " + apiKey);
        }
        return builder;
    }

    private HttpResponse<byte[]> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw RemoteErrors.unreachable(baseUrl, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting for the gateway server");
        }
    }
}
