package dev.clod.gateway.provider.anthropic;

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
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Calls Anthropic's Messages API: {@code POST {baseUrl}/v1/messages} with {@code x-api-key} and
 * {@code anthropic-version: 2023-06-01}, over HTTP/1.1 with the JDK's non-blocking HTTP client.
 *
 * <p>What callers may rely on:
 *
 * <ul>
 *   <li>The request is translated as {@link RequestTranslator}, {@link ContentTranslator} and {@link
 *       ToolTranslator} describe; the answer, stream events and errors as {@link ResponseTranslator},
 *       {@link MessageEvents} and {@link AnthropicErrors} do. Nothing in Anthropic's format reaches
 *       the caller.
 *   <li>A request the Messages API cannot carry (an audio part, a tool result that answers no call)
 *       fails at once as the caller's fault with status 400, naming the parameter; nothing is sent.
 *   <li>Streams end with a usage-only chunk, whether or not the client asked for usage.
 *   <li>Timeouts, refused connections and unreadable answers are classed as for every HTTP adapter
 *       ({@link TransportFailures}).
 * </ul>
 */
public final class AnthropicProvider implements ChatProvider {

    /** The Messages API version this adapter speaks. */
    public static final String API_VERSION = "2023-06-01";

    private final URI endpoint;
    private final Clock clock;
    private final HttpUpstream upstream;

    /**
     * @param baseUrl the API root, {@code https://api.anthropic.com} (a trailing {@code /v1} is
     *     accepted too)
     * @param apiKey sent as {@code x-api-key}
     * @param missingApiKey why the configured key is missing, e.g. {@code ${ANTHROPIC_API_KEY} is not
     *     set}; when not null the provider is unavailable and calls nothing
     * @param timeout how long to wait for the response headers
     * @param extraHeaders sent with every call after the standard ones, e.g. {@code anthropic-beta}
     * @throws IllegalArgumentException when an extra header may not be set by a client
     */
    public AnthropicProvider(
            String id,
            URI baseUrl,
            String apiKey,
            String missingApiKey,
            Duration connectTimeout,
            Duration timeout,
            Map<String, String> extraHeaders,
            Clock clock) {
        this.endpoint = messages(Objects.requireNonNull(baseUrl, "baseUrl"));
        this.clock = Objects.requireNonNull(clock, "clock");
        this.upstream =
                new HttpUpstream(id, endpoint, missingApiKey, connectTimeout, timeout, headers(apiKey, extraHeaders));
    }

    private static URI messages(URI baseUrl) {
        String base = baseUrl.toString();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return URI.create(base.endsWith("/v1") ? base + "/messages" : base + "/v1/messages");
    }

    private static String[] headers(String apiKey, Map<String, String> extraHeaders) {
        return RequestHeaders.of(
                List.of("Content-Type", "application/json", "anthropic-version", API_VERSION),
                "x-api-key",
                apiKey,
                extraHeaders);
    }

    @Override
    public String id() {
        return upstream.id();
    }

    @Override
    public String kind() {
        return "anthropic";
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
        MessagesRequest request;
        try {
            request = translate(call, false);
        } catch (UpstreamException e) {
            return CompletableFuture.failedFuture(e);
        }
        return JsonExchange.send(
                upstream.client(),
                httpRequest(request, "application/json"),
                deployment,
                (status, body) -> {
                    try {
                        return ResponseTranslator.read(body, request.answerTool(), clock);
                    } catch (IllegalArgumentException e) {
                        throw TransportFailures.malformed(status, "a Messages API message", e, deployment);
                    }
                },
                (status, headers, body) -> AnthropicErrors.ofStatus(status, headers, body, deployment));
    }

    @Override
    public StreamHandle stream(UpstreamCall call, StreamListener listener) {
        MessagesRequest request;
        try {
            request = translate(call, true);
        } catch (UpstreamException e) {
            listener.onError(e);
            return () -> {};
        }
        MessageEvents events = new MessageEvents(listener, call.deploymentId(), request.answerTool(), clock);
        CompletableFuture<HttpResponse<Void>> exchange =
                upstream.client().sendAsync(httpRequest(request, "text/event-stream"), events::bodySubscriber);
        events.attach(exchange);
        exchange.whenComplete((ignored, error) -> {
            if (error != null) {
                events.fail(TransportFailures.ofThrowable(error, call.deploymentId()));
            }
        });
        return events::cancel;
    }

    /** The request in Anthropic's format, or the failure that stops it before anything is sent. */
    private MessagesRequest translate(UpstreamCall call, boolean stream) {
        if (!upstream.available()) {
            throw upstream.notConfigured(call.deploymentId());
        }
        try {
            return RequestTranslator.translate(call.request(), stream);
        } catch (UntranslatableRequestException e) {
            throw new UpstreamException(FailureClass.CALLER_FAULT, call.deploymentId(), 400, e.getMessage(), e);
        }
    }

    private HttpRequest httpRequest(MessagesRequest request, String accept) {
        return upstream.post(endpoint, request.bytes(), accept);
    }
}
