package dev.clod.gateway.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.clod.gateway.CallOptions;
import dev.clod.gateway.ChatResult;
import dev.clod.gateway.api.AllCandidatesFailedException;
import dev.clod.gateway.api.ChatRequest;
import dev.clod.gateway.api.ClodException;
import dev.clod.gateway.api.FailureClass;
import dev.clod.gateway.api.ModelNotFoundException;
import dev.clod.gateway.api.NoDeploymentAvailableException;
import dev.clod.gateway.api.PermissionDeniedException;
import dev.clod.gateway.api.Tool;
import dev.clod.gateway.api.UpstreamException;
import dev.clod.gateway.api.Usage;
import dev.clod.gateway.api.UsageNotRecordedException;
import dev.clod.gateway.api.UserMessage;
import dev.clod.gateway.catalog.Capability;
import dev.clod.gateway.catalog.Catalog;
import dev.clod.gateway.catalog.Category;
import dev.clod.gateway.catalog.Deployment;
import dev.clod.gateway.catalog.ListPrice;
import dev.clod.gateway.catalog.Model;
import dev.clod.gateway.pricing.LivePrices;
import dev.clod.gateway.pricing.Pricer;
import dev.clod.gateway.provider.StreamHandle;
import dev.clod.gateway.routing.Objective;
import dev.clod.gateway.routing.Router;
import dev.clod.gateway.routing.RouterSettings;
import dev.clod.gateway.routing.Strategy;
import dev.clod.gateway.usage.UsageRecord;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ChatEngineTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-08-10T12:00:00Z"), ZoneOffset.UTC);

    private ScriptedProvider cheap;
    private ScriptedProvider mid;
    private ScriptedProvider dear;
    private ScriptedProvider keyless;
    private Router router;
    private ChatEngine engine;
    private final AtomicLong ticker = new AtomicLong();
    private final List<UsageRecord> records = new CopyOnWriteArrayList<>();
    /** What the usage sink answers: done at once, unless a test holds or fails it. */
    private volatile CompletableFuture<Void> ledger = CompletableFuture.completedFuture(null);

    @BeforeEach
    void setUp() {
        cheap = new ScriptedProvider("cheap");
        mid = new ScriptedProvider("mid");
        dear = new ScriptedProvider("dear");
        keyless = new ScriptedProvider("keyless", false);
        Model m = new Model(
                "m",
                "Model M",
                List.of("em"),
                Category.HOSTED,
                10_000,
                1_000,
                Set.of(Capability.TOOLS),
                List.of(
                        deployment("m", "dear", "2.00"),
                        deployment("m", "cheap", "0.50"),
                        deployment("m", "mid", "1.00")));
        Model plain = new Model(
                "plain",
                "Plain",
                List.of(),
                Category.PROXIED,
                10_000,
                1_000,
                Set.of(),
                List.of(deployment("plain", "mid", "1.00")));
        Model locked = new Model(
                "locked",
                "Locked",
                List.of(),
                Category.PROXIED,
                10_000,
                1_000,
                Set.of(),
                List.of(deployment("locked", "keyless", "1.00")));
        router = new Router(CLOCK, RouterSettings.defaults());
        Catalog catalog = Catalog.of(List.of(m, plain, locked));
        engine = new ChatEngine(
                catalog,
                Map.of("cheap", cheap, "mid", mid, "dear", dear, "keyless", keyless),
                new Pricer(),
                LivePrices.fixedOnly(catalog, CLOCK),
                router,
                Strategy.of(Objective.PRICE),
                record -> {
                    records.add(record);
                    return ledger;
                },
                CLOCK,
                () -> ticker.addAndGet(1_000_000));
    }

    @Test
    void theBestCandidateAnswersUnderTheResolvedModelName() throws Exception {
        ChatResult result = chat(request("Model M@price"));

        assertThat(result.route().deployment().id()).isEqualTo("m/cheap");
        assertThat(result.route().attempt()).isEqualTo(1);
        assertThat(result.response().model()).isEqualTo("m");
        assertThat(result.response().id()).isEqualTo("chatcmpl-req-1");
        assertThat(cheap.upstreamModels()).containsExactly("m-on-cheap");
        // 10 input and 4 output tokens at $0.50 per million each.
        assertThat(result.cost().userPrice()).isEqualByComparingTo("0.000007");
        assertThat(result.cost().routingFee()).isEqualByComparingTo("0");
    }

    @Test
    void aProxiedModelCarriesTheRoutingFee() throws Exception {
        mid.usage = new Usage(1_000_000, 1_000_000, 0);

        ChatResult result = chat(request("plain"));

        assertThat(result.cost().providerCost()).isEqualByComparingTo("2.00");
        assertThat(result.cost().routingFee()).isEqualByComparingTo("0.10");
        assertThat(result.cost().userPrice()).isEqualByComparingTo("2.10");
    }

    @Test
    void aFailureBeforeAnswerMovesToTheNextCandidateAndCoolsTheFirstDown() throws Exception {
        cheap.failure = upstream(FailureClass.TRANSIENT, "m/cheap", 503);

        ChatResult result = chat(request("m@price"));

        assertThat(result.route().deployment().id()).isEqualTo("m/mid");
        assertThat(result.route().attempt()).isEqualTo(2);
        assertThat(router.stats("m/cheap").orElseThrow().cooldownUntil()).isNotNull();
        assertThat(router.route(
                                List.of(
                                        new dev.clod.gateway.routing.Candidate(
                                                deployment("m", "cheap", "0.50"), BigDecimal.ONE),
                                        new dev.clod.gateway.routing.Candidate(
                                                deployment("m", "mid", "1.00"), BigDecimal.TEN)),
                                Strategy.of(Objective.PRICE))
                        .chosen()
                        .id())
                .as("a cooling deployment ranks after healthy ones")
                .isEqualTo("m/mid");
    }

    @Test
    void aCallerFaultIsNotRetriedElsewhere() {
        cheap.failure = upstream(FailureClass.CALLER_FAULT, "m/cheap", 400);

        assertThatThrownBy(() -> chat(request("m@price")))
                .isInstanceOf(UpstreamException.class)
                .satisfies(e -> assertThat(((ClodException) e).status()).isEqualTo(400));
        assertThat(mid.calls).isEmpty();
        assertThat(router.stats("m/cheap")).isEmpty();
    }

    static Stream<Arguments> everyCandidateFails() {
        return Stream.of(
                arguments(FailureClass.RATE_LIMITED, FailureClass.RATE_LIMITED, 429),
                arguments(FailureClass.TIMEOUT, FailureClass.TIMEOUT, 504),
                arguments(FailureClass.RATE_LIMITED, FailureClass.TRANSIENT, 502),
                arguments(FailureClass.CREDENTIAL, FailureClass.MODEL_GONE, 502));
    }

    @ParameterizedTest(name = "{0} and {1} -> {2}")
    @MethodSource("everyCandidateFails")
    void whenEveryCandidateFailsOneErrorKeepsEveryCause(FailureClass first, FailureClass rest, int status) {
        cheap.failure = upstream(first, "m/cheap", 0);
        mid.failure = upstream(rest, "m/mid", 0);
        dear.failure = upstream(rest, "m/dear", 0);

        assertThatThrownBy(() -> chat(request("m@price")))
                .isInstanceOfSatisfying(AllCandidatesFailedException.class, e -> {
                    assertThat(e.status()).isEqualTo(status);
                    assertThat(e.causes())
                            .extracting(UpstreamException::deployment)
                            .containsExactly("m/cheap", "m/mid", "m/dear");
                    assertThat(e.getMessage()).contains("m/cheap").contains("m/dear");
                });
    }

    @Test
    void anAdapterThatThrowsIsTreatedAsATransientFailure() throws Exception {
        cheap.failure = new IllegalStateException("adapter defect");

        assertThat(chat(request("m@price")).route().deployment().id()).isEqualTo("m/mid");
    }

    @Test
    void strategyComesFromTheModelThenTheHeaderThenTheKeyThenTheDefault() throws Exception {
        router.recordSuccess("m/dear", Duration.ofMillis(5), 0, null);
        router.recordSuccess("m/cheap", Duration.ofMillis(500), 0, null);
        router.recordSuccess("m/mid", Duration.ofMillis(500), 0, null);
        Strategy latency = Strategy.of(Objective.LATENCY);
        Strategy price = Strategy.of(Objective.PRICE);

        assertThat(chat(request("m@price"), CallOptions.of(latency, latency, "r"))
                        .route()
                        .deployment()
                        .id())
                .isEqualTo("m/cheap");
        assertThat(chat(request("m"), CallOptions.of(latency, price, "r"))
                        .route()
                        .deployment()
                        .id())
                .isEqualTo("m/dear");
        assertThat(chat(request("m"), CallOptions.of(null, latency, "r"))
                        .route()
                        .deployment()
                        .id())
                .isEqualTo("m/dear");
        assertThat(chat(request("m"), CallOptions.of(null, null, "r"))
                        .route()
                        .deployment()
                        .id())
                .isEqualTo("m/cheap");
    }

    @Test
    void aBareTagChoosesAmongEveryModel() throws Exception {
        ChatResult result = chat(request("@price"));

        assertThat(result.route().deployment().id()).isEqualTo("m/cheap");
        assertThat(result.response().model()).isEqualTo("m");
    }

    @Test
    void theRequestsNeedsFilterTheCandidates() {
        ChatRequest withTools = request("plain").toBuilder()
                .tools(List.of(new Tool("lookup", null, null, null)))
                .build();
        ChatRequest tooLong =
                request("m").toBuilder().maxCompletionTokens(1_001).build();

        assertThatThrownBy(() -> chat(withTools)).isInstanceOfSatisfying(NoDeploymentAvailableException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.param()).isEqualTo("tools");
        });
        assertThatThrownBy(() -> chat(tooLong)).isInstanceOfSatisfying(NoDeploymentAvailableException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.param()).isEqualTo("max_completion_tokens");
            assertThat(e.getMessage()).contains("1001").contains("1000");
        });
    }

    @Test
    void aModelWhoseProvidersAreAllUnavailableIs503WithTheReason() {
        assertThatThrownBy(() -> chat(request("locked")))
                .isInstanceOfSatisfying(NoDeploymentAvailableException.class, e -> {
                    assertThat(e.status()).isEqualTo(503);
                    assertThat(e.getMessage()).contains("${KEYLESS_KEY} is not set");
                });
        assertThat(keyless.calls).isEmpty();
    }

    @Test
    void anUnknownModelIs404ListingTheKnownOnes() {
        assertThatThrownBy(() -> chat(request("nope@price")))
                .isInstanceOf(ModelNotFoundException.class)
                .hasMessageContaining("'nope'")
                .hasMessageContaining("m, plain, locked");
    }

    @Test
    void aStreamFallsBackBeforeItsFirstChunkAndThenBelongsToItsDeployment() {
        cheap.failure = upstream(FailureClass.RATE_LIMITED, "m/cheap", 429);
        mid.failureAfterFirstChunk = upstream(FailureClass.TRANSIENT, "m/mid", 0);
        RecordingObserver observer = new RecordingObserver();

        engine.stream(streaming("m@price", false), CallOptions.of("s1"), observer);

        assertThat(observer.events).containsExactly("start", "chunk", "error");
        assertThat(observer.route.deployment().id()).isEqualTo("m/mid");
        assertThat(observer.errorAfterStart).isTrue();
        assertThat(dear.calls).as("a started stream is never retried elsewhere").isEmpty();
    }

    @Test
    void aStreamDropsTheUsageChunkTheClientDidNotAskForButCountsIt() {
        RecordingObserver observer = new RecordingObserver();

        engine.stream(streaming("m@price", false), CallOptions.of("s2"), observer);

        assertThat(observer.events).containsExactly("start", "chunk", "chunk", "chunk", "complete");
        assertThat(observer.summary.usage()).isEqualTo(new Usage(10, 4, 0));
        assertThat(observer.summary.usageEstimated()).isFalse();
        assertThat(observer.chunks).allSatisfy(chunk -> {
            assertThat(chunk.model()).isEqualTo("m");
            assertThat(chunk.id()).isEqualTo("chatcmpl-s2");
        });
        assertThat(cheap.calls.get(0).request().includeUsage())
                .as("usage is always asked of the upstream")
                .isTrue();
        assertThat(cheap.calls.get(0).request().stream()).isTrue();
    }

    @Test
    void aStreamKeepsTheUsageChunkWhenAskedAndEstimatesItWhenTheUpstreamSentNone() {
        RecordingObserver asked = new RecordingObserver();
        engine.stream(streaming("m@price", true), CallOptions.of("s3"), asked);
        cheap.sendsUsage = false;
        RecordingObserver estimated = new RecordingObserver();
        engine.stream(streaming("m@price", true), CallOptions.of("s4"), estimated);

        assertThat(asked.events).endsWith("usage", "complete");
        assertThat(asked.chunks.get(asked.chunks.size() - 1).usage()).isEqualTo(new Usage(10, 4, 0));
        assertThat(estimated.events).endsWith("usage", "complete");
        assertThat(estimated.summary.usageEstimated()).isTrue();
        assertThat(estimated.summary.usage().completionTokens()).isPositive();
        assertThat(estimated.summary.usage().promptTokens()).isPositive();
    }

    @Test
    void aStreamRecordsTimeToFirstTokenAndTokenRate() {
        cheap.usage = new Usage(10, 40, 0);
        engine.stream(streaming("m@price", false), CallOptions.of("s5"), new RecordingObserver());

        var stats = router.stats("m/cheap").orElseThrow();
        assertThat(stats.ttftMeasured()).isTrue();
        assertThat(stats.tokenRateMeasured()).isTrue();
    }

    @Test
    void aCancelledStreamStopsTheUpstreamAndSaysNothingMore() {
        cheap.holdStream = true;
        RecordingObserver observer = new RecordingObserver();

        StreamHandle handle = engine.stream(streaming("m@price", false), CallOptions.of("s6"), observer);
        handle.cancel();
        cheap.heldListener.onChunk(observer.chunks.get(0));
        cheap.heldListener.onComplete();

        assertThat(cheap.cancelled).isTrue();
        assertThat(observer.events).containsExactly("start", "chunk");
    }

    @Test
    void cancellingAfterAFallbackInsideStreamStopsTheStreamThatIsRunning() {
        // The cheapest provider fails inside stream() itself, so the next attempt starts and registers
        // its handle before the first attempt's stream() has even returned.
        cheap.failure = upstream(FailureClass.TRANSIENT, "m/cheap", 503);
        mid.holdStream = true;
        RecordingObserver observer = new RecordingObserver();

        StreamHandle handle = engine.stream(streaming("m@price", false), CallOptions.of("s6b"), observer);
        handle.cancel();

        assertThat(mid.heldListener).isNotNull();
        assertThat(mid.cancelled).isTrue();
    }

    @Test
    void aStreamRoutingErrorIsReportedWithNothingStarted() {
        RecordingObserver observer = new RecordingObserver();

        engine.stream(streaming("m@fastest", false), CallOptions.of("s7"), observer);

        assertThat(observer.events).containsExactly("error");
        assertThat(observer.errorAfterStart).isFalse();
        assertThat(observer.error.status()).isEqualTo(400);
    }

    @Test
    void everyAnsweredRequestIsRecordedOnceWithItsUsageAndCost() throws Exception {
        mid.usage = new Usage(1_000, 500, 0);
        chat(request("plain"));
        engine.stream(streaming("m@price", false), CallOptions.of("s8"), new RecordingObserver());

        assertThat(records).hasSize(2);
        UsageRecord answered = records.get(0);
        assertThat(answered.requestId()).isEqualTo("req-1");
        assertThat(answered.time()).isEqualTo(CLOCK.instant());
        assertThat(answered.requestedModel()).isEqualTo("plain");
        assertThat(answered.model()).isEqualTo("plain");
        assertThat(answered.deploymentId()).isEqualTo("plain/mid");
        assertThat(answered.strategy()).isEqualTo("price");
        assertThat(answered.usage()).isEqualTo(new Usage(1_000, 500, 0));
        assertThat(answered.cost().userPrice()).isEqualByComparingTo("0.001575");
        assertThat(answered.stream()).isFalse();
        assertThat(answered.status()).isEqualTo(200);
        assertThat(answered.succeeded()).isTrue();
        UsageRecord streamed = records.get(1);
        assertThat(streamed.stream()).isTrue();
        assertThat(streamed.deploymentId()).isEqualTo("m/cheap");
        assertThat(streamed.usage()).isEqualTo(new Usage(10, 4, 0));
        assertThat(streamed.timeToFirstToken()).isPositive();
    }

    @Test
    void aFailedRequestIsRecordedWithItsErrorAndNoCost() {
        cheap.failure = upstream(FailureClass.TRANSIENT, "m/cheap", 503);
        mid.failure = upstream(FailureClass.TRANSIENT, "m/mid", 503);
        dear.failure = upstream(FailureClass.TRANSIENT, "m/dear", 503);

        assertThatThrownBy(() -> chat(request("m@price"))).isInstanceOf(AllCandidatesFailedException.class);
        engine.stream(streaming("m@price", false), CallOptions.of("s9"), new RecordingObserver());

        assertThat(records).hasSize(2).allSatisfy(record -> {
            assertThat(record.succeeded()).isFalse();
            assertThat(record.status()).isEqualTo(502);
            assertThat(record.errorType()).isEqualTo("upstream_error");
            assertThat(record.deploymentId()).isEqualTo("m/dear");
            assertThat(record.cost().userPrice()).isEqualByComparingTo("0");
        });
    }

    @Test
    void anAnswerIsHeldUntilItsUsageIsRecordedAndWithheldIfItCannotBe() throws Exception {
        ledger = new CompletableFuture<>();

        CompletableFuture<ChatResult> held = engine.chat(request("m@price"), CallOptions.of("held"));
        assertThat(held).as("no answer before its record is durable").isNotDone();
        ledger.complete(null);
        assertThat(held.get(5, TimeUnit.SECONDS).response().firstMessage().content())
                .isEqualTo("answer from cheap");

        ledger = CompletableFuture.failedFuture(new IllegalStateException("database down"));
        assertThatThrownBy(() -> chat(request("m@price")))
                .isInstanceOfSatisfying(UsageNotRecordedException.class, e -> assertThat(e.status())
                        .isEqualTo(503));
    }

    @Test
    void aStreamEndsOnlyOnceItsUsageIsRecordedAndFailsIfItCannotBe() {
        ledger = new CompletableFuture<>();
        RecordingObserver held = new RecordingObserver();

        engine.stream(streaming("m@price", false), CallOptions.of("s10"), held);
        assertThat(held.events).containsExactly("start", "chunk", "chunk", "chunk");
        ledger.complete(null);
        assertThat(held.events).endsWith("complete");

        ledger = CompletableFuture.failedFuture(new IllegalStateException("database down"));
        RecordingObserver failed = new RecordingObserver();
        engine.stream(streaming("m@price", false), CallOptions.of("s11"), failed);
        assertThat(failed.events).endsWith("chunk", "error");
        assertThat(failed.error).isInstanceOf(UsageNotRecordedException.class);
        assertThat(failed.errorAfterStart).isTrue();
    }

    @Test
    void theCallersKeyAndProjectAreRecorded() throws Exception {
        chat(request("m"), new CallOptions(null, null, "r", "key_1", "proj_1", null));

        assertThat(records.get(0).keyId()).isEqualTo("key_1");
        assertThat(records.get(0).projectId()).isEqualTo("proj_1");
    }

    @Test
    void aModelOutsideTheProjectsListIsForbiddenAndABareTagStaysInsideIt() throws Exception {
        CallOptions onlyPlain = new CallOptions(null, null, "r", "key_1", "proj_1", Set.of("plain"));

        assertThatThrownBy(() -> chat(request("m@price"), onlyPlain))
                .isInstanceOfSatisfying(PermissionDeniedException.class, e -> {
                    assertThat(e.status()).isEqualTo(403);
                    assertThat(e.code()).isEqualTo("model_not_allowed");
                    assertThat(e.getMessage()).contains("'m'").contains("plain");
                });
        assertThat(chat(request("@price"), onlyPlain).route().model().id()).isEqualTo("plain");
        assertThat(cheap.calls).isEmpty();
    }

    @Test
    void aRequestRejectedBeforeRoutingIsNotRecorded() {
        assertThatThrownBy(() -> chat(request("nope"))).isInstanceOf(ModelNotFoundException.class);

        assertThat(records).isEmpty();
    }

    private ChatResult chat(ChatRequest request) throws Exception {
        return chat(request, CallOptions.of("req-1"));
    }

    private ChatResult chat(ChatRequest request, CallOptions options) throws Exception {
        try {
            return engine.chat(request, options).get(5, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw (Exception) e.getCause();
        }
    }

    private static ChatRequest request(String model) {
        return ChatRequest.of(model, List.of(UserMessage.of("Hello")));
    }

    private static ChatRequest streaming(String model, boolean includeUsage) {
        return request(model).toBuilder().stream(true)
                .includeUsage(includeUsage)
                .build();
    }

    private static Deployment deployment(String model, String provider, String price) {
        return new Deployment(
                model + "/" + provider,
                model,
                provider,
                model + "-on-" + provider,
                null,
                new ListPrice(new BigDecimal(price), new BigDecimal(price)));
    }

    private static UpstreamException upstream(FailureClass failureClass, String deployment, int status) {
        return new UpstreamException(failureClass, deployment, status, "scripted " + failureClass, null);
    }
}
