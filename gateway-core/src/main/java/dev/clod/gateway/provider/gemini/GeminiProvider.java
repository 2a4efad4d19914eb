package dev.clod.gateway.provider.gemini;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clod.gateway.api.ChatResponse;
import dev.clod.gateway.api.FailureClass;
import dev.clod.gateway.api.UpstreamException;
import dev.clod.gateway.provider.ChatProvider;
import dev.clod.gateway.provider.StreamHandle;
import dev.clod.gateway.provider.StreamListener;
import dev.clod.gateway.provider.UpstreamCall;
import dev.clod.gateway.provider.http.HttpUpstream;
import dev.clod.gateway.provider.http.JsonExchange;
import dev.clod.gateway.provider.http.RequestHeaders;
import dev.clod.gateway.provider.http.TransportFailures;
import dev.clod.gateway.provider.translation.UntranslatableRequestException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Calls Google's Gemini API: {@code POST {baseUrl}/v1beta/models/{model}:generateContent}, or {@code
 * :streamGenerateContent?alt=sse} for streams, with the key in {@code x-goog-api-key}, over HTTP/1.1
 * with the JDK's non-blocking HTTP client.
 *
 * <p>What callers may rely on:
 *
 * <ul>
 *   <li>The request is translated as {@link RequestTranslator}, {@link ContentTranslator} and {@link
 *       SchemaTranslator} describe; answers, stream events and errors as {@link ResponseTranslator},
 *       {@link ContentEvents} and {@link GeminiErrors} do. Nothing in Gemini's format reaches the
 *       caller.
 *   <li>Function calls get ids ({@link CallIds}), and tool results find their function's name by
 *       those ids in the replayed conversation.
 *   <li>A request Gemini's format cannot carry (an audio part, a tool result that answers no call, a
 *       recursive schema) fails at once as the caller's fault with status 400, naming the parameter.
 *   <li>Streams end with a usage-only chunk when Gemini reported usage.
 *   <li>The model name is used as a path: {@code gemini-2.0-flash} is called as {@code
 *       models/gemini-2.0-flash}; a name that already holds a collection ({@code
 *       tunedModels/my-model}) is used as it is.
 * </ul>
 */
public final class GeminiProvider implements ChatProvider {

    private final String apiRoot;
    private final Clock clock;
    private final HttpUpstream upstream;

    /**
     * @param baseUrl the API root, {@code https://generativelanguage.googleapis.com} (a trailing {@code
     *     /v1beta} is accepted too)
     * @param apiKey sent as {@code x-goog-api-key}
     * @param missingApiKey why the configured key is missing; when not null the provider is
     *     unavailable and calls nothing
     * @param timeout how long to wait for the response headers
     * @param extraHeaders sent with every call after the standard ones
     * @throws IllegalArgumentException when an extra header may not be set by a client
     */
    public GeminiProvider(
            String id,
            URI baseUrl,
            String apiKey,
            String missingApiKey,
            Duration connectTimeout,
            Duration timeout,
            Map<String, String> extraHeaders,
            Clock clock) {
        this.apiRoot = apiRoot(Objects.requireNonNull(baseUrl, "baseUrl"));
        this.clock = Objects.requireNonNull(clock, "clock");
        this.upstream = new HttpUpstream(
                id, URI.create(apiRoot), missingApiKey, connectTimeout, timeout, headers(apiKey, extraHeaders));
    }

    private static String apiRoot(URI baseUrl) {
        String base = baseUrl.toString();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return base.endsWith("/v1beta") ? base : base + "/v1beta";
    }

    private static String[] headers(String apiKey, Map<String, String> extraHeaders) {
        return RequestHeaders.of(List.of("Content-Type", "application/json"), "x-goog-api-key", apiKey, extraHeaders);
    }

    @Override
    public String id() {
        return upstream.id();
    }

    @Override
    public String kind() {
        return "gemini";
    }

    @Override
    public boolean available() {
        return upstream.available();
    }

    @Override
    public String unavailableReason() {
        return upstream.unavailableReason();
    }

    @Override
    public CompletableFuture<ChatResponse> complete(UpstreamCall call) {
        String deployment = call.deploymentId();
        byte[] body;
        try {
            body = translate(call);
        } catch (UpstreamException e) {
            return CompletableFuture.failedFuture(e);
        }
        String model = call.request().model();
        return JsonExchange.send(
                upstream.client(),
                httpRequest(endpoint(model, ":generateContent"), body, "application/json"),
                deployment,
                (status, answer) -> {
                    try {
                        return ResponseTranslator.read(answer, model, deployment, clock);
                    } catch (IllegalArgumentException e) {
                        throw TransportFailures.malformed(status, "a GenerateContentResponse", e, deployment);
                    }
                },
                (status, headers, answer) -> GeminiErrors.ofStatus(status, headers, answer, deployment));
    }

    @Override
    public StreamHandle stream(UpstreamCall call, StreamListener listener) {
        byte[] body;
        try {
            body = translate(call);
        } catch (UpstreamException e) {
            listener.onError(e);
            return () -> {};
        }
        String model = call.request().model();
        ContentEvents events = new ContentEvents(listener, call.deploymentId(), model, clock);
        CompletableFuture<HttpResponse<Void>> exchange = upstream.client()
                .sendAsync(
                        httpRequest(endpoint(model, ":streamGenerateContent?alt=sse"), body, "text/event-stream"),
                        events::bodySubscriber);
        events.attach(exchange);
        exchange.whenComplete((ignored, error) -> {
            if (error != null) {
                events.fail(TransportFailures.ofThrowable(error, call.deploymentId()));
            }
        });
        return events::cancel;
    }

    private byte[] translate(UpstreamCall call) {
        if (!upstream.available()) {
            throw upstream.notConfigured(call.deploymentId());
        }
        ObjectNode body;
        try {
            body = RequestTranslator.translate(call.request());
        } catch (UntranslatableRequestException e) {
            throw new UpstreamException(FailureClass.CALLER_FAULT, call.deploymentId(), 400, e.getMessage(), e);
        }
        try {
            return Wire.JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    private URI endpoint(String model, String method) {
        String name = model.contains("/") ? model : "models/" + model;
        StringBuilder path = new StringBuilder(apiRoot);
        for (String segment : name.split("/")) {
            path.append('/')
                    .append(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return URI.create(path + method);
    }

    private HttpRequest httpRequest(URI endpoint, byte[] body, String accept) {
        return upstream.post(endpoint, body, accept);
    }
}
