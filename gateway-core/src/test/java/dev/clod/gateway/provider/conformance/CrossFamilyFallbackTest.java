package dev.clod.gateway.provider.conformance;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.clod.gateway.CallOptions;
import dev.clod.gateway.ChatResult;
import dev.clod.gateway.ChatStreamObserver;
import dev.clod.gateway.RouteInfo;
import dev.clod.gateway.StreamSummary;
import dev.clod.gateway.api.ChatChunk;
import dev.clod.gateway.api.ChatRequest;
import dev.clod.gateway.api.ClodException;
import dev.clod.gateway.api.FailureClass;
import dev.clod.gateway.api.ToolMessage;
import dev.clod.gateway.api.UpstreamException;
import dev.clod.gateway.api.Usage;
import dev.clod.gateway.api.UserMessage;
import dev.clod.gateway.catalog.Capability;
import dev.clod.gateway.catalog.Catalog;
import dev.clod.gateway.catalog.Category;
import dev.clod.gateway.catalog.Deployment;
import dev.clod.gateway.catalog.ListPrice;
import dev.clod.gateway.catalog.Model;
import dev.clod.gateway.engine.ChatEngine;
import dev.clod.gateway.pricing.LivePrices;
import dev.clod.gateway.pricing.Pricer;
import dev.clod.gateway.provider.ChatProvider;
import dev.clod.gateway.routing.Objective;
import dev.clod.gateway.routing.Router;
import dev.clod.gateway.routing.RouterSettings;
import dev.clod.gateway.routing.Strategy;
import dev.clod.gateway.usage.UsageRecord;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A tool conversation that fails over from one provider family to another: the conversation, holding
 * the assistant's tool calls and the tool results, is the gateway's own, so the next candidate gets it
 * in its own wire format. Each upstream receives exactly its recorded second-round request.
 */
class CrossFamilyFallbackTest {

    @RegisterExtension
    static WireMockExtension anthropic = RecordedUpstream.server();

    @RegisterExtension
    static WireMockExtension openai = RecordedUpstream.server();

    @RegisterExtension
    static WireMockExtension gemini = RecordedUpstream.server();

    private static final String MODEL = "weather-model";

    private final List<UsageRecord> records = new CopyOnWriteArrayList<>();
    private final Router router = new Router(RecordedUpstream.CLOCK, RouterSettings.defaults());

    /** Each family's upstream: its fixtures, its path, its recorded fixture for a failure. */
    private enum Family {
        ANTHROPIC("/v1/messages", "error-529", 529),
        OPENAI("/v1/chat/completions", "error-500", 500),
        GEMINI("/v1beta/models/gemini-2.5-flash:generateContent", "error-503", 503);

        final String path;
        final String failure;
        final int failureStatus;

        Family(String path, String failure, int failureStatus) {
            this.path = path;
            this.failure = failure;
            this.failureStatus = failureStatus;
        }

        String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        FixtureFiles files() {
            return new FixtureFiles(id());
        }
    }

    static Stream<Arguments> fallbacks() {
        return Stream.of(
                arguments(Family.ANTHROPIC, Family.OPENAI),
                arguments(Family.OPENAI, Family.GEMINI),
                arguments(Family.GEMINI, Family.ANTHROPIC));
    }

    @ParameterizedTest(name = "{0} fails, {1} answers")
    @MethodSource("fallbacks")
    void theNextFamilyGetsTheToolConversationInItsOwnFormat(Family failing, Family answering) throws Exception {
        server(failing)
                .stubFor(post(urlEqualTo(failing.path))
                        .withRequestBody(equalToJson(failing.files().text("tool-result/request.json")))
                        .willReturn(aResponse()
                                .withStatus(failing.failureStatus)
                                .withHeader("Content-Type", "application/json")
                                .withBody(failing.files().bytes(failing.failure + "/body.json"))));
        server(answering)
                .stubFor(post(urlEqualTo(answering.path))
                        .withRequestBody(equalToJson(answering.files().text("tool-result/request.json")))
                        .willReturn(aResponse()
                                .withHeader("Content-Type", "application/json")
                                .withBody(answering.files().bytes("tool-result/response.json"))));

        ChatResult result = engine(failing, answering)
                .chat(secondRound(false), CallOptions.of("req-1"))
                .get(10, TimeUnit.SECONDS);

        assertThat(result.response().firstMessage().content()).isEqualTo(RecordedStory.WEATHER_ANSWER);
        assertThat(result.route().attempt()).isEqualTo(2);
        assertThat(result.route().deployment().providerId()).isEqualTo(answering.id());
        assertThat(result.response().usage()).isEqualTo(new Usage(530, 24, 0));
        server(failing).verify(1, postRequestedFor(urlEqualTo(failing.path)));
        server(answering).verify(1, postRequestedFor(urlEqualTo(answering.path)));
        assertThat(records).singleElement().satisfies(record -> assertThat(record.providerId())
                .isEqualTo(answering.id()));
    }

    @Test
    void anOverloadedAnthropicStreamFallsBackToOpenAiBeforeAnythingIsSent() throws Exception {
        ObjectNode anthropicStream =
                (ObjectNode) ConformanceRequests.json(Family.ANTHROPIC.files().text("tool-result/request.json"));
        anthropicStream.put("stream", true);
        anthropic.stubFor(post(urlEqualTo(Family.ANTHROPIC.path))
                .withRequestBody(equalToJson(anthropicStream.toString()))
                .willReturn(aResponse()
                        .withStatus(529)
                        .withHeader("Content-Type", "application/json")
                        .withBody(Family.ANTHROPIC.files().bytes("error-529/body.json"))));
        openai.stubFor(post(urlEqualTo(Family.OPENAI.path))
                .withRequestBody(equalToJson(Family.OPENAI.files().text("tool-result-stream/request.json")))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "text/event-stream")
                        .withBody(Family.OPENAI.files().bytes("tool-result-stream/response.sse"))));
        Observer observer = new Observer();

        engine(Family.ANTHROPIC, Family.OPENAI).stream(secondRound(true), CallOptions.of("req-2"), observer);

        StreamSummary summary = observer.done.get(10, TimeUnit.SECONDS);
        assertThat(observer.route.attempt()).isEqualTo(2);
        assertThat(observer.route.deployment().providerId()).isEqualTo("openai");
        assertThat(observer.text()).isEqualTo(RecordedStory.WEATHER_ANSWER);
        assertThat(summary.usage()).isEqualTo(new Usage(530, 24, 0));
    }

    @Test
    void aRequestTheFirstFamilyCannotCarryIsTheCallersFaultAndNotRetried() throws Exception {
        ChatRequest orphanResult = ChatRequest.builder(MODEL)
                .messages(List.of(UserMessage.of("hi"), new ToolMessage("call_nowhere", "42")))
                .build();

        Throwable failure = catchThrowable(() -> engine(Family.GEMINI, Family.OPENAI)
                .chat(orphanResult, CallOptions.of("req-3"))
                .get(10, TimeUnit.SECONDS));

        assertThat(failure.getCause()).isInstanceOfSatisfying(ClodException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.getMessage()).startsWith("messages[1].tool_call_id");
        });
        assertThat(failure.getCause()).isInstanceOfSatisfying(UpstreamException.class, e -> assertThat(e.failureClass())
                .isEqualTo(FailureClass.CALLER_FAULT));
        assertThat(gemini.getAllServeEvents()).isEmpty();
        assertThat(openai.getAllServeEvents()).isEmpty();
    }

    @ParameterizedTest(name = "stream: {0}")
    @ValueSource(booleans = {false, true})
    void aRateLimitedDeploymentCoolsDownAsLongAsItsUpstreamAsked(boolean stream) throws Exception {
        ResponseDefinitionBuilder rateLimited = aResponse()
                .withStatus(429)
                .withHeader("Content-Type", "application/json")
                .withBody(Family.ANTHROPIC.files().bytes("error-429/body.json"));
        Family.ANTHROPIC.files().headers("error-429/headers.txt").forEach(rateLimited::withHeader);
        anthropic.stubFor(post(urlEqualTo(Family.ANTHROPIC.path)).willReturn(rateLimited));
        String fixture = stream ? "tool-result-stream" : "tool-result";
        openai.stubFor(post(urlEqualTo(Family.OPENAI.path))
                .willReturn(aResponse()
                        .withHeader("Content-Type", stream ? "text/event-stream" : "application/json")
                        .withBody(
                                Family.OPENAI.files().bytes(fixture + (stream ? "/response.sse" : "/response.json")))));
        ChatEngine engine = engine(Family.ANTHROPIC, Family.OPENAI);

        if (stream) {
            Observer observer = new Observer();
            engine.stream(secondRound(true), CallOptions.of("req-4"), observer);
            observer.done.get(10, TimeUnit.SECONDS);
        } else {
            engine.chat(secondRound(false), CallOptions.of("req-4")).get(10, TimeUnit.SECONDS);
        }

        // The router's own first cooldown is 5 s; Anthropic's retry-after said 30.
        assertThat(router.stats(MODEL + "/anthropic").orElseThrow().cooldownUntil())
                .isEqualTo(RecordedUpstream.CLOCK.instant().plusSeconds(30));
    }

    private static ChatRequest secondRound(boolean stream) {
        return ChatRequest.builder(MODEL)
                .messages(ConformanceRequests.secondRound())
                .tools(List.of(ConformanceRequests.WEATHER, ConformanceRequests.TIME))
                .stream(stream)
                .build();
    }

    /** An engine where {@code first} is the cheaper deployment, so it is tried first. */
    private ChatEngine engine(Family first, Family second) {
        Map<String, ChatProvider> providers = Map.of(
                "anthropic", new AnthropicUpstream(anthropic, anthropic).provider(),
                "openai", new OpenAiUpstream(openai, openai).provider(),
                "gemini", new GeminiUpstream(gemini, gemini).provider());
        Model model = new Model(
                MODEL,
                "Weather Model",
                List.of(),
                Category.PROXIED,
                200_000,
                4_096,
                Set.of(Capability.TOOLS),
                List.of(deployment(first, "1.00"), deployment(second, "3.00")));
        AtomicLong ticker = new AtomicLong();
        Catalog catalog = Catalog.of(List.of(model));
        return new ChatEngine(
                catalog,
                providers,
                new Pricer(),
                LivePrices.fixedOnly(catalog, RecordedUpstream.CLOCK),
                router,
                Strategy.of(Objective.PRICE),
                record -> {
                    records.add(record);
                    return CompletableFuture.completedFuture(null);
                },
                RecordedUpstream.CLOCK,
                () -> ticker.addAndGet(1_000_000));
    }

    private static Deployment deployment(Family family, String price) {
        String upstreamModel =
                switch (family) {
                    case ANTHROPIC -> "claude-sonnet-4-5";
                    case OPENAI -> "gpt-4o-mini";
                    case GEMINI -> "gemini-2.5-flash";
                };
        BigDecimal perMillion = new BigDecimal(price);
        return new Deployment(
                MODEL + "/" + family.id(),
                MODEL,
                family.id(),
                upstreamModel,
                null,
                new ListPrice(perMillion, perMillion));
    }

    private static WireMockExtension server(Family family) {
        return switch (family) {
            case ANTHROPIC -> anthropic;
            case OPENAI -> openai;
            case GEMINI -> gemini;
        };
    }

    /** Collects a stream's route, chunks and end. */
    private static final class Observer implements ChatStreamObserver {
        final List<ChatChunk> chunks = new CopyOnWriteArrayList<>();
        final CompletableFuture<StreamSummary> done = new CompletableFuture<>();
        volatile RouteInfo route;

        @Override
        public void onStart(RouteInfo route) {
            this.route = route;
        }

        @Override
        public void onChunk(ChatChunk chunk) {
            chunks.add(chunk);
        }

        @Override
        public void onComplete(StreamSummary summary) {
            done.complete(summary);
        }

        @Override
        public void onError(ClodException error, boolean started) {
            done.completeExceptionally(error);
        }

        String text() {
            StringBuilder text = new StringBuilder();
            chunks.forEach(chunk -> chunk.choices().forEach(choice -> {
                if (choice.delta().content() != null) {
                    text.append(choice.delta().content());
                }
            }));
            return text.toString();
        }
    }
}
