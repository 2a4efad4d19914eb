package dev.clod.gateway.provider.openai;

import dev.clod.gateway.api.ChatRequest;
import dev.clod.gateway.api.ChatResponse;
import dev.clod.gateway.api.FailureClass;
import dev.clod.gateway.api.UpstreamException;
import dev.clod.gateway.api.json.ChatJson;
import dev.clod.gateway.api.json.ErrorBodyException;
import dev.clod.gateway.api.json.MalformedJsonException;
import dev.clod.gateway.provider.ChatProvider;
import dev.clod.gateway.provider.StreamHandle;
import dev.clod.gateway.provider.StreamListener;
import dev.clod.gateway.provider.UpstreamCall;
import dev.clod.gateway.provider.http.HttpUpstream;
import dev.clod.gateway.provider.http.JsonExchange;
import dev.clod.gateway.provider.http.RequestHeaders;
import dev.clod.gateway.provider.http.TransportFailures;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Calls any OpenAI-compatible server: {@code POST {baseUrl}/chat/completions} over HTTP/1.1 with the
 * JDK's non-blocking HTTP client.
 *
 * <p>What callers may rely on:
 *
 * <ul>
 *   <li>The request is sent as it is, model included (already the upstream's name); nothing in the
 *       answer is rewritten, the model name neither.
 *   <li>Streams always ask the upstream for usage ({@code stream_options.include_usage: true}), so
 *       the usage-only chunk reaches the listener even when the client did not ask for it. Dropping
 *       it for such clients is the caller's job.
 *   <li>Chunks reach the listener as each {@code data:} line arrives, one call at a time; {@code
 *       [DONE]} ends the stream with {@code onComplete}, an error envelope inside it with {@code
 *       onError}.
 *   <li>Every failure is an {@link UpstreamException}: the upstream's status classed by {@link
 *       FailureClass#ofStatus}, its own error message (cut to 500 characters), status 0 with {@code
 *       TRANSIENT} when there was no answer, {@code TIMEOUT} when the response headers did not come
 *       within the timeout, and {@code TRANSIENT} for a 2xx body that cannot be read.
 * </ul>
 *
 * <p>The timeout runs until the response headers arrive: for a plain answer that is the whole
 * generation, since servers send headers with the body; for a stream it is the time to first byte.
 */
public final class OpenAiProvider implements ChatProvider {

    private final URI endpoint;
    private final Clock clock;
    private final HttpUpstream upstream;

    /**
     * @param baseUrl the API root as clients write it, usually ending in {@code /v1}
     * @param apiKey sent as a bearer token; null for a server that needs none (a local vLLM)
     * @param missingApiKey why a key the configuration asks for is missing, e.g. {@code
     *     ${OPENAI_API_KEY} is not set}; when not null the provider is unavailable and calls nothing
     * @param timeout how long to wait for the response headers
     * @param extraHeaders sent with every call, after the standard ones
     * @throws IllegalArgumentException when an extra header may not be set by a client (such as
     *     {@code Host} or {@code Content-Length})
     */
    public OpenAiProvider(
            String id,
            URI baseUrl,
            String apiKey,
            String missingApiKey,
            Duration connectTimeout,
            Duration timeout,
            Map<String, String> extraHeaders,
            Clock clock) {
        this.endpoint = chatCompletions(Objects.requireNonNull(baseUrl, "baseUrl"));
        this.clock = Objects.requireNonNull(clock, "clock");
        this.upstream =
                new HttpUpstream(id, endpoint, missingApiKey, connectTimeout, timeout, headers(apiKey, extraHeaders));
    }

    private static URI chatCompletions(URI baseUrl) {
        String base = baseUrl.toString();
        return URI.create(base.endsWith("/") ? base + "chat/completions" : base + "/chat/completions");
    }

    private static String[] headers(String apiKey, Map<String, String> extraHeaders) {
        return RequestHeaders.of(
                List.of("Content-Type", "application/json"),
                "Authorization",
                apiKey == null || apiKey.isBlank() ? null : "Bearer " + apiKey,
                extraHeaders);
    }

    @Override
    public String id() {
        return upstream.id();
    }

    @Override
    public String kind() {
        return "openai";
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
        if (!upstream.available()) {
            return CompletableFuture.failedFuture(upstream.notConfigured(call.deploymentId()));
        }
        ChatRequest request = call.request();
        if (request.stream()) {
            request = request.toBuilder().stream(false).includeUsage(false).build();
        }
        String deployment = call.deploymentId();
        return JsonExchange.send(
                upstream.client(),
                httpRequest(request, "application/json"),
                deployment,
                (status, body) -> answer(status, body, deployment),
                (status, headers, body) -> UpstreamFailures.ofStatus(status, headers, body, deployment));
    }

    private ChatResponse answer(int status, byte[] body, String deployment) {
        ChatResponse answer;
        try {
            answer = ChatJson.readResponse(body);
        } catch (ErrorBodyException e) {
            // Some proxies answer 200 with an error envelope.
            throw UpstreamFailures.ofErrorBody(e.error(), status, deployment);
        } catch (MalformedJsonException e) {
            throw TransportFailures.malformed(status, "a chat completion", e, deployment);
        }
        if (answer.created() == 0) {
            answer = new ChatResponse(
                    answer.id(),
                    clock.instant().getEpochSecond(),
                    answer.model(),
                    answer.choices(),
                    answer.usage(),
                    answer.systemFingerprint());
        }
        return answer;
    }

    @Override
    public StreamHandle stream(UpstreamCall call, StreamListener listener) {
        SseStream stream = new SseStream(listener, call.deploymentId(), clock);
        if (!upstream.available()) {
            stream.fail(upstream.notConfigured(call.deploymentId()));
            return stream::cancel;
        }
        ChatRequest request =
                call.request().toBuilder().stream(true).includeUsage(true).build();
        CompletableFuture<HttpResponse<Void>> exchange =
                upstream.client().sendAsync(httpRequest(request, "text/event-stream"), stream::bodySubscriber);
        stream.attach(exchange);
        exchange.whenComplete((ignored, error) -> {
            if (error != null) {
                stream.fail(TransportFailures.ofThrowable(error, call.deploymentId()));
            }
        });
        return stream::cancel;
    }

    private HttpRequest httpRequest(ChatRequest request, String accept) {
        return upstream.post(endpoint, ChatJson.writeRequest(request), accept);
    }
}
