package dev.clod.gateway.provider.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.clod.gateway.api.ChatRequest;
import dev.clod.gateway.api.UserMessage;
import dev.clod.gateway.provider.UpstreamCall;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/** Shared setup for tests against a WireMock upstream. */
final class TestUpstream {

    static final String PATH = "/v1/chat/completions";
    static final String KEY = "sk-test-0123456789";
    static final String DEPLOYMENT = "gpt-4o-mini/openai-test";
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-02T12:00:00Z"), ZoneOffset.UTC);
    static final Duration SHORT_TIMEOUT = Duration.ofMillis(200);

    private static final ObjectMapper JSON = new ObjectMapper();

    private TestUpstream() {}

    static OpenAiProvider provider(WireMockExtension upstream, Duration timeout) {
        return provider(URI.create(upstream.baseUrl() + "/v1"), timeout);
    }

    static OpenAiProvider provider(URI baseUrl, Duration timeout) {
        return new OpenAiProvider(
                "openai-test",
                baseUrl,
                KEY,
                null,
                Duration.ofSeconds(2),
                timeout,
                Map.of("OpenAI-Organization", "org-test"),
                CLOCK);
    }

    /** A base URL on a local port where nothing listens, so connecting is refused. */
    static URI refusedBaseUrl() {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return URI.create("http://127.0.0.1:" + port + "/v1");
    }

    static ChatRequest hello() {
        return ChatRequest.of("gpt-4o-mini", List.of(UserMessage.of("Say hello")));
    }

    static UpstreamCall call(ChatRequest request) {
        return new UpstreamCall(request, DEPLOYMENT);
    }

    /** The body of the one request the upstream received. */
    static JsonNode sentBody(WireMockExtension upstream) {
        List<LoggedRequest> requests = upstream.findAll(postRequestedFor(urlEqualTo(PATH)));
        if (requests.size() != 1) {
            throw new AssertionError("expected one upstream request, got " + requests.size());
        }
        try {
            return JSON.readTree(requests.get(0).getBody());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
