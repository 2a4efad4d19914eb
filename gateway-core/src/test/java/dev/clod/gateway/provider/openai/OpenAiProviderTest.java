package dev.clod.gateway.provider.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.clod.gateway.provider.openai.TestUpstream.DEPLOYMENT;
import static dev.clod.gateway.provider.openai.TestUpstream.KEY;
import static dev.clod.gateway.provider.openai.TestUpstream.PATH;
import static dev.clod.gateway.provider.openai.TestUpstream.SHORT_TIMEOUT;
import static dev.clod.gateway.provider.openai.TestUpstream.call;
import static dev.clod.gateway.provider.openai.TestUpstream.hello;
import static dev.clod.gateway.provider.openai.TestUpstream.provider;
import static dev.clod.gateway.provider.openai.TestUpstream.sentBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.clod.gateway.api.ChatRequest;
import dev.clod.gateway.api.ChatResponse;
import dev.clod.gateway.api.FailureClass;
import dev.clod.gateway.api.FinishReason;
import dev.clod.gateway.api.UpstreamException;
import dev.clod.gateway.api.Usage;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Plain (non-streamed) calls to an OpenAI-compatible upstream. */
class OpenAiProviderTest {

    @RegisterExtension
    static WireMockExtension upstream = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    /**
     * A server of its own for answers that come too late: WireMock logs a request when it has answered
     * it, so a late one would otherwise land in the next test's request log.
     */
    @RegisterExtension
    static WireMockExtension slowUpstream = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private static final ObjectMapper JSON = new ObjectMapper();

    private final OpenAiProvider provider = provider(upstream, Duration.ofSeconds(5));

    @Test
    void returnsTheAnswerAndSendsTheRequestAsGiven() throws Exception {
        upstream.stubFor(post(PATH).willReturn(json(200, Fixtures.bytes("chat-completion/response.json"))));

        ChatResponse response = provider.complete(call(hello())).get(10, TimeUnit.SECONDS);

        assertThat(response.id()).isEqualTo("chatcmpl-BdqvdQbmYJ4Pl3Qbck1mcR7L6hH4D");
        assertThat(response.model()).isEqualTo("gpt-4o-mini-2024-07-18");
        assertThat(response.created()).isEqualTo(1748879433L);
        assertThat(response.firstMessage().content()).isEqualTo("Hello! How can I assist you today?");
        assertThat(response.choices().get(0).finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(response.usage()).isEqualTo(new Usage(19, 10, 0));
        assertThat(response.systemFingerprint()).isEqualTo("fp_34a54ae93c");
        upstream.verify(postRequestedFor(urlEqualTo(PATH))
                .withHeader("Authorization", equalTo("Bearer " + KEY))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("Accept", equalTo("application/json"))
                .withHeader("OpenAI-Organization", equalTo("org-test")));
        assertThat(sentBody(upstream))
                .isEqualTo(JSON.readTree(
                        "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"Say hello\"}]}"));
    }

    @Test
    void neverAsksForAStream() throws Exception {
        upstream.stubFor(post(PATH).willReturn(json(200, Fixtures.bytes("chat-completion/response.json"))));
        ChatRequest streaming =
                hello().toBuilder().stream(true).includeUsage(true).build();

        provider.complete(call(streaming)).get(10, TimeUnit.SECONDS);

        assertThat(sentBody(upstream).has("stream")).isFalse();
        assertThat(sentBody(upstream).has("stream_options")).isFalse();
    }

    @Test
    void passesExtensionsThrough() throws Exception {
        upstream.stubFor(post(PATH).willReturn(json(200, Fixtures.bytes("chat-completion/response.json"))));
        Map<String, JsonNode> extensions = new LinkedHashMap<>();
        extensions.put("top_logprobs", JSON.readTree("2"));
        extensions.put("logprobs", JSON.readTree("true"));
        extensions.put("provider", JSON.readTree("{\"order\":[\"groq\",\"together\"],\"allow_fallbacks\":false}"));
        ChatRequest request = hello().toBuilder().extensions(extensions).build();

        provider.complete(call(request)).get(10, TimeUnit.SECONDS);

        JsonNode sent = sentBody(upstream);
        assertThat(sent.get("top_logprobs").asInt()).isEqualTo(2);
        assertThat(sent.get("logprobs").asBoolean()).isTrue();
        assertThat(sent.get("provider")).isEqualTo(extensions.get("provider"));
    }

    /** Recorded error answers: scenario, status, the class the router acts on. */
    static Stream<Arguments> errorAnswers() {
        return Stream.of(
                Arguments.of("error-400", 400, FailureClass.CALLER_FAULT),
                Arguments.of("error-401", 401, FailureClass.CREDENTIAL),
                Arguments.of("error-429", 429, FailureClass.RATE_LIMITED),
                Arguments.of("error-500", 500, FailureClass.TRANSIENT));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errorAnswers")
    void classifiesErrorAnswers(String scenario, int status, FailureClass expected) throws Exception {
        upstream.stubFor(post(PATH).willReturn(errorAnswer(scenario, status)));

        UpstreamException error = failure(provider.complete(call(hello())));

        assertThat(error.failureClass()).isEqualTo(expected);
        assertThat(error.upstreamStatus()).isEqualTo(status);
        assertThat(error.deployment()).isEqualTo(DEPLOYMENT);
        assertThat(error.getMessage())
                .isEqualTo(JSON.readTree(Fixtures.bytes(scenario + "/body.json"))
                        .at("/error/message")
                        .asText());
    }

    @Test
    void namesTheStatusWhenTheBodyIsNotAnOpenAiError() throws Exception {
        upstream.stubFor(post(PATH)
                .willReturn(aResponse()
                        .withStatus(502)
                        .withHeader("Content-Type", "text/html")
                        .withBody("<html><body>" + "bad gateway ".repeat(500) + "</body></html>")));

        UpstreamException error = failure(provider.complete(call(hello())));

        assertThat(error.failureClass()).isEqualTo(FailureClass.TRANSIENT);
        assertThat(error.upstreamStatus()).isEqualTo(502);
        assertThat(error.getMessage()).isEqualTo("upstream answered HTTP 502");
    }

    @Test
    void cutsLongUpstreamMessages() throws Exception {
        String longMessage = "x".repeat(5_000);
        upstream.stubFor(post(PATH)
                .willReturn(json(
                        400,
                        ("{\"error\":{\"message\":\"" + longMessage
                                        + "\",\"type\":\"invalid_request_error\",\"param\":null,\"code\":null}}")
                                .getBytes())));

        UpstreamException error = failure(provider.complete(call(hello())));

        assertThat(error.getMessage()).hasSizeLessThanOrEqualTo(UpstreamFailures.MAX_MESSAGE + 1);
        assertThat(error.getMessage()).startsWith("xxxx");
    }

    @Test
    void classifiesAnErrorEnvelopeSentWithStatus200() throws Exception {
        upstream.stubFor(post(PATH)
                .willReturn(json(
                        200,
                        "{\"error\":{\"code\":429,\"message\":\"Rate limit exceeded: free-models-per-day\"}}"
                                .getBytes())));

        UpstreamException error = failure(provider.complete(call(hello())));

        assertThat(error.failureClass()).isEqualTo(FailureClass.RATE_LIMITED);
        assertThat(error.upstreamStatus()).isEqualTo(429);
        assertThat(error.getMessage()).isEqualTo("Rate limit exceeded: free-models-per-day");
    }

    @Test
    void malformedAnswerIsTransient() throws Exception {
        upstream.stubFor(post(PATH).willReturn(json(200, "{\"id\":\"chatcmpl-1\",\"object\":\"chat.comp".getBytes())));

        UpstreamException error = failure(provider.complete(call(hello())));

        assertThat(error.failureClass()).isEqualTo(FailureClass.TRANSIENT);
        assertThat(error.upstreamStatus()).isEqualTo(200);
    }

    @Test
    void slowUpstreamTimesOut() throws Exception {
        slowUpstream.stubFor(post(PATH)
                .willReturn(json(200, Fixtures.bytes("chat-completion/response.json"))
                        .withFixedDelay(1_500)));

        UpstreamException error = failure(provider(slowUpstream, SHORT_TIMEOUT).complete(call(hello())));

        assertThat(error.failureClass()).isEqualTo(FailureClass.TIMEOUT);
        assertThat(error.upstreamStatus()).isZero();
    }

    @Test
    void refusedConnectionIsTransient() throws Exception {
        URI nowhere = TestUpstream.refusedBaseUrl();

        UpstreamException error = failure(provider(nowhere, SHORT_TIMEOUT).complete(call(hello())));

        assertThat(error.failureClass()).isEqualTo(FailureClass.TRANSIENT);
        assertThat(error.upstreamStatus()).isZero();
        assertThat(error.getMessage()).startsWith("could not connect to upstream");
    }

    @Test
    void withoutItsKeyItIsUnavailableAndSaysWhy() throws Exception {
        OpenAiProvider keyless = new OpenAiProvider(
                "together",
                URI.create(upstream.baseUrl() + "/v1"),
                null,
                "${TOGETHER_API_KEY} is not set",
                Duration.ofSeconds(1),
                Duration.ofSeconds(1),
                Map.of(),
                TestUpstream.CLOCK);

        assertThat(keyless.kind()).isEqualTo("openai");
        assertThat(keyless.available()).isFalse();
        assertThat(keyless.unavailableReason())
                .isEqualTo("provider 'together' has no API key: ${TOGETHER_API_KEY} is not set");
        assertThat(failure(keyless.complete(call(hello()))).failureClass()).isEqualTo(FailureClass.CREDENTIAL);
        assertThat(upstream.getAllServeEvents()).isEmpty();
    }

    @Test
    void aServerThatNeedsNoKeyIsCalledWithoutOne() throws Exception {
        upstream.stubFor(post(PATH).willReturn(json(200, Fixtures.bytes("chat-completion/response.json"))));
        OpenAiProvider local = new OpenAiProvider(
                "vllm-local",
                URI.create(upstream.baseUrl() + "/v1"),
                null,
                null,
                Duration.ofSeconds(1),
                Duration.ofSeconds(5),
                Map.of(),
                TestUpstream.CLOCK);

        assertThat(local.available()).isTrue();
        local.complete(call(hello())).get(10, TimeUnit.SECONDS);
        upstream.verify(postRequestedFor(urlEqualTo(PATH)).withoutHeader("Authorization"));
    }

    @Test
    void refusesAHeaderTheClientMayNotSet() {
        Throwable thrown = catchThrowable(() -> new OpenAiProvider(
                "x",
                URI.create("http://localhost:1/v1"),
                KEY,
                null,
                Duration.ofSeconds(1),
                Duration.ofSeconds(1),
                Map.of("Host", "example.com"),
                TestUpstream.CLOCK));

        assertThat(thrown).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Host");
    }

    static ResponseDefinitionBuilder json(int status, byte[] body) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
    }

    static ResponseDefinitionBuilder errorAnswer(String scenario, int status) {
        ResponseDefinitionBuilder answer = json(status, Fixtures.bytes(scenario + "/body.json"));
        if (scenario.equals("error-429")) {
            Fixtures.headers("error-429/headers.txt").forEach(answer::withHeader);
        }
        return answer;
    }

    static UpstreamException failure(CompletableFuture<?> future) throws Exception {
        Throwable thrown = catchThrowable(() -> future.get(10, TimeUnit.SECONDS));
        assertThat(thrown).isInstanceOf(ExecutionException.class);
        assertThat(thrown.getCause()).isInstanceOf(UpstreamException.class);
        return (UpstreamException) thrown.getCause();
    }
}
