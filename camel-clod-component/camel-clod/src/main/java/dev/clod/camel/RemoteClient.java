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
        return list("/models", "model list");
    }

    /**
     * The server's usage per model this month ({@code GET /v1/usage?group_by=model}) as maps: the
     * key's project's usage, or everyone's for the admin key.
     */
    @Override
    public List<Map<String, Object>> usage() {
        return list("/usage?group_by=model", "usage summary");
    }

    /** The {@code data} of one of the server's list answers, each element as a map. */
    private List<Map<String, Object>> list(String path, String what) {
        HttpResponse<byte[]> response = send(authorized(HttpRequest.newBuilder(URI.create(baseUrl + path)))
                .GET()
                .build());
        if (response.statusCode() != 200) {
            throw RemoteErrors.fromResponse(response.statusCode(), response.body());
        }
        try {
            List<Map<String, Object>> elements = new ArrayList<>();
            for (JsonNode element : JSON.readTree(response.body()).path("data")) {
                elements.add(JSON.convertValue(element, MAP));
            }
            return elements;
        } catch (IOException e) {
            throw new ClodRemoteException(
                    502, "api_error", null, null, "The gateway server sent an unreadable " + what, e);
        }
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
