package dev.clod.gateway.provider.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clod.gateway.api.ChatChunk;
import dev.clod.gateway.api.ChatResponse;
import dev.clod.gateway.api.FailureClass;
import dev.clod.gateway.api.FinishReason;
import dev.clod.gateway.api.ToolCall;
import dev.clod.gateway.api.UpstreamException;
import dev.clod.gateway.provider.ChatProvider;
import dev.clod.gateway.provider.RecordingListener;
import dev.clod.gateway.provider.UpstreamCall;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The behaviour every provider adapter owes the gateway, whatever its upstream speaks: plain and
 * streamed answers, one and several tool calls, tool results, tool choice, JSON output, images, usage,
 * the error-status table, timeouts and a stream cut in the middle.
 *
 * <p>Each adapter plugs in a {@link ProviderUnderTest} with its recorded upstream. A scenario that
 * cannot apply to an adapter is reported as not run, with the adapter's reason.
 */
abstract class ProviderConformanceTest {

    static final String DEPLOYMENT = "conformance-model/conformance-provider";

    private ProviderUnderTest under;
    private final RecordingListener listener = new RecordingListener();

    /** A fresh fixture for each test. */
    protected abstract ProviderUnderTest fixture();

    @BeforeEach
    void open() {
        under = fixture();
    }

    @AfterEach
    void close() {
        under.close();
        assertThat(listener.violations).isEmpty();
    }

    @Test
    void answersAPlainChat() throws Exception {
        ChatResponse response = complete(Scenario.CHAT);

        assertThat(response.choices()).hasSize(1);
        assertThat(response.firstMessage().toolCalls()).isEmpty();
        under.expected().text(Scenario.CHAT, response.firstMessage().content());
        assertThat(response.choices().get(0).finishReason()).isEqualTo(FinishReason.STOP);
        under.expected().usage(Scenario.CHAT, response.usage());
        assertThat(response.model()).isNotBlank();
        assertThat(response.created()).isPositive();
    }

    @Test
    void streamsAnAnswer() throws Exception {
        stream(Scenario.STREAM);

        under.expected().text(Scenario.STREAM, listener.text());
        assertThat(firstDelta().role()).isEqualTo("assistant");
        assertThat(finishReasons()).containsExactly(FinishReason.STOP);
        assertThat(toolCalls()).isEmpty();
        endsWithUsage(Scenario.STREAM);
        assertThat(listener.chunks)
                .extracting(ChatChunk::id)
                .containsOnly(listener.chunks.get(0).id());
    }

    @Test
    void callsATool() throws Exception {
        ChatResponse response = complete(Scenario.TOOL_CALL);

        List<ToolCall> calls = response.firstMessage().toolCalls();
        assertThat(calls).hasSize(1);
        assertThat(calls.get(0).name()).isEqualTo("get_weather");
        assertThat(calls.get(0).id()).isNotBlank();
        under.expected()
                .arguments(
                        Scenario.TOOL_CALL,
                        0,
                        ConformanceRequests.json(calls.get(0).arguments()));
        assertThat(response.firstMessage().content()).isNull();
        assertThat(response.choices().get(0).finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
        under.expected().usage(Scenario.TOOL_CALL, response.usage());
    }

    @Test
    void streamsAToolCall() throws Exception {
        stream(Scenario.TOOL_CALL_STREAM);

        List<StreamedCall> calls = toolCalls();
        assertThat(calls).hasSize(1);
        assertThat(calls.get(0).name).isEqualTo("get_weather");
        under.expected()
                .arguments(
                        Scenario.TOOL_CALL_STREAM,
                        0,
                        ConformanceRequests.json(calls.get(0).arguments.toString()));
        assertThat(finishReasons()).containsExactly(FinishReason.TOOL_CALLS);
        endsWithUsage(Scenario.TOOL_CALL_STREAM);
    }

    @Test
    void callsToolsInParallel() throws Exception {
        ChatResponse response = complete(Scenario.PARALLEL_TOOL_CALLS);

        List<ToolCall> calls = response.firstMessage().toolCalls();
        assertThat(calls).extracting(ToolCall::name).containsExactly("get_weather", "get_weather");
        assertThat(calls.get(0).id()).isNotBlank().isNotEqualTo(calls.get(1).id());
        for (int n = 0; n < calls.size(); n++) {
            under.expected()
                    .arguments(
                            Scenario.PARALLEL_TOOL_CALLS,
                            n,
                            ConformanceRequests.json(calls.get(n).arguments()));
        }
        under.expected()
                .text(Scenario.PARALLEL_TOOL_CALLS, response.firstMessage().content());
        assertThat(response.choices().get(0).finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
        under.expected().usage(Scenario.PARALLEL_TOOL_CALLS, response.usage());
    }

    @Test
    void streamsParallelToolCallsIndexedByCallNotByContentBlock() throws Exception {
        stream(Scenario.PARALLEL_TOOL_CALLS_STREAM);

        List<StreamedCall> calls = toolCalls();
        // The indexes count tool calls from 0, as OpenAI's do, whatever else the answer held first.
        assertThat(calls).extracting(call -> call.index).containsExactly(0, 1);
        assertThat(calls.get(0).id).isNotEqualTo(calls.get(1).id);
        for (int n = 0; n < calls.size(); n++) {
            under.expected()
                    .arguments(
                            Scenario.PARALLEL_TOOL_CALLS_STREAM,
                            n,
                            ConformanceRequests.json(calls.get(n).arguments.toString()));
        }
        under.expected().text(Scenario.PARALLEL_TOOL_CALLS_STREAM, listener.text());
        assertThat(finishReasons()).containsExactly(FinishReason.TOOL_CALLS);
        endsWithUsage(Scenario.PARALLEL_TOOL_CALLS_STREAM);
    }

    @Test
    void answersFromToolResults() throws Exception {
        ChatResponse response = complete(Scenario.TOOL_RESULT);

        under.expected().text(Scenario.TOOL_RESULT, response.firstMessage().content());
        assertThat(response.firstMessage().toolCalls()).isEmpty();
        assertThat(response.choices().get(0).finishReason()).isEqualTo(FinishReason.STOP);
        under.expected().usage(Scenario.TOOL_RESULT, response.usage());
    }

    @Test
    void callsTheToolTheCallerNamed() throws Exception {
        ChatResponse response = complete(Scenario.TOOL_CHOICE);

        List<ToolCall> calls = response.firstMessage().toolCalls();
        assertThat(calls).extracting(ToolCall::name).containsExactly("get_time");
        under.expected()
                .arguments(
                        Scenario.TOOL_CHOICE,
                        0,
                        ConformanceRequests.json(calls.get(0).arguments()));
        assertThat(response.choices().get(0).finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
        under.expected().usage(Scenario.TOOL_CHOICE, response.usage());
    }

    @Test
    void answersInJsonWhenAskedTo() throws Exception {
        ChatResponse response = complete(Scenario.JSON_OUTPUT);

        assertThat(response.firstMessage().toolCalls()).isEmpty();
        under.expected().text(Scenario.JSON_OUTPUT, response.firstMessage().content());
        assertThat(response.choices().get(0).finishReason()).isEqualTo(FinishReason.STOP);
        under.expected().usage(Scenario.JSON_OUTPUT, response.usage());
    }

    @Test
    void answersAboutImages() throws Exception {
        ChatResponse response = complete(Scenario.IMAGE);

        under.expected().text(Scenario.IMAGE, response.firstMessage().content());
        assertThat(response.choices().get(0).finishReason()).isEqualTo(FinishReason.STOP);
        under.expected().usage(Scenario.IMAGE, response.usage());
    }

    @TestFactory
    Stream<DynamicTest> mapsEveryErrorStatus() {
        Optional<String> notApplicable = under.notApplicable(Scenario.ERROR_STATUSES);
        if (notApplicable.isPresent()) {
            return Stream.of(DynamicTest.dynamicTest(
                    "not applicable: " + notApplicable.get(), () -> Assumptions.abort(notApplicable.get())));
        }
        return under.errorCases().stream()
                .flatMap(error -> Stream.of(
                        DynamicTest.dynamicTest(error + " (plain)", () -> plainError(error)),
                        DynamicTest.dynamicTest(error + " (stream)", () -> streamedError(error))));
    }

    private void plainError(ErrorCase error) throws Exception {
        under.arrangeError(error);

        Throwable thrown = catchThrowable(
                () -> under.provider().complete(call(Scenario.CHAT)).get(10, TimeUnit.SECONDS));

        assertThat(thrown).isInstanceOf(ExecutionException.class);
        isTheExpectedFailure(thrown.getCause(), error);
    }

    private void streamedError(ErrorCase error) throws Exception {
        under.arrangeError(error);
        RecordingListener streamed = new RecordingListener();

        under.provider().stream(call(Scenario.STREAM), streamed);

        isTheExpectedFailure(streamed.awaitEnd(), error);
        assertThat(streamed.chunks).isEmpty();
        assertThat(streamed.violations).isEmpty();
    }

    private static void isTheExpectedFailure(Throwable failure, ErrorCase error) {
        assertThat(failure).isInstanceOfSatisfying(UpstreamException.class, e -> {
            assertThat(e.failureClass()).isEqualTo(error.failureClass());
            assertThat(e.upstreamStatus()).isEqualTo(error.upstreamStatus());
            assertThat(e.getMessage()).isEqualTo(error.message());
            assertThat(e.retryAfter()).isEqualTo(error.retryAfter());
            assertThat(e.deployment()).isEqualTo(DEPLOYMENT);
        });
    }

    @Test
    void aPlainAnswerThatComesTooLateIsATimeout() throws Exception {
        arrange(Scenario.TIMEOUT);

        Throwable thrown = catchThrowable(
                () -> under.slowProvider().complete(call(Scenario.CHAT)).get(10, TimeUnit.SECONDS));

        assertThat(thrown.getCause()).isInstanceOfSatisfying(UpstreamException.class, e -> {
            assertThat(e.failureClass()).isEqualTo(FailureClass.TIMEOUT);
            assertThat(e.upstreamStatus()).isZero();
        });
    }

    @Test
    void aStreamWhoseFirstByteComesTooLateIsATimeout() throws Exception {
        arrange(Scenario.TIMEOUT);

        under.slowProvider().stream(call(Scenario.STREAM), listener);

        assertThat(listener.awaitEnd())
                .isInstanceOfSatisfying(UpstreamException.class, e -> assertThat(e.failureClass())
                        .isEqualTo(FailureClass.TIMEOUT));
        assertThat(listener.chunks).isEmpty();
    }

    @Test
    void aStreamCutInTheMiddleFailsAfterWhatItDelivered() throws Exception {
        arrange(Scenario.STREAM_CUT);

        under.provider().stream(call(Scenario.STREAM_CUT), listener);

        Throwable error = listener.awaitEnd();
        under.verifyRequest(Scenario.STREAM_CUT);
        assertThat(error).isInstanceOfSatisfying(UpstreamException.class, e -> assertThat(e.failureClass())
                .isEqualTo(FailureClass.TRANSIENT));
        under.expected().text(Scenario.STREAM_CUT, listener.text());
        assertThat(finishReasons()).isEmpty();
    }

    // --- helpers -------------------------------------------------------------------------------

    private void arrange(Scenario scenario) {
        under.notApplicable(scenario).ifPresent(Assumptions::abort);
        under.arrange(scenario);
    }

    private UpstreamCall call(Scenario scenario) {
        return new UpstreamCall(ConformanceRequests.of(scenario, under.upstreamModel()), DEPLOYMENT);
    }

    /** The scenario's plain answer; a failure shows first how the request differed from the recorded one. */
    private ChatResponse complete(Scenario scenario) throws Exception {
        arrange(scenario);
        ChatProvider provider = under.provider();
        try {
            ChatResponse response = provider.complete(call(scenario)).get(10, TimeUnit.SECONDS);
            under.verifyRequest(scenario);
            return response;
        } catch (ExecutionException e) {
            under.verifyRequest(scenario);
            throw new AssertionError("the " + scenario + " call failed", e.getCause());
        }
    }

    private void stream(Scenario scenario) throws Exception {
        arrange(scenario);
        under.provider().stream(call(scenario), listener);
        Throwable error = listener.awaitEnd();
        under.verifyRequest(scenario);
        if (error != null) {
            throw new AssertionError("the " + scenario + " stream failed", error);
        }
    }

    private ChatChunk.Delta firstDelta() {
        assertThat(listener.chunks).isNotEmpty();
        assertThat(listener.chunks.get(0).choices()).isNotEmpty();
        return listener.chunks.get(0).choices().get(0).delta();
    }

    private List<FinishReason> finishReasons() {
        List<FinishReason> reasons = new ArrayList<>();
        for (ChatChunk chunk : listener.chunks) {
            for (ChatChunk.ChunkChoice choice : chunk.choices()) {
                if (choice.finishReason() != null) {
                    reasons.add(choice.finishReason());
                }
            }
        }
        return reasons;
    }

    /** The last chunk carries only the usage, and the scenario's usage. */
    private void endsWithUsage(Scenario scenario) {
        ChatChunk last = listener.chunks.get(listener.chunks.size() - 1);
        assertThat(last.isUsageOnly()).isTrue();
        under.expected().usage(scenario, last.usage());
    }

    /** One tool call put together from its deltas, as an OpenAI client does. */
    private static final class StreamedCall {
        final int index;
        final String id;
        final String name;
        final StringBuilder arguments = new StringBuilder();

        StreamedCall(int index, String id, String name) {
            this.index = index;
            this.id = id;
            this.name = name;
        }
    }

    /**
     * The streamed tool calls in order of their indexes. The first delta of each call must carry its id
     * and name, and no later one another id: that is what OpenAI clients assemble calls from.
     */
    private List<StreamedCall> toolCalls() {
        Map<Integer, StreamedCall> calls = new LinkedHashMap<>();
        for (ChatChunk chunk : listener.chunks) {
            for (ChatChunk.ChunkChoice choice : chunk.choices()) {
                for (ChatChunk.ToolCallDelta delta : choice.delta().toolCalls()) {
                    StreamedCall call = calls.get(delta.index());
                    if (call == null) {
                        assertThat(delta.id())
                                .as("the first delta of call %d has its id", delta.index())
                                .isNotBlank();
                        assertThat(delta.name())
                                .as("the first delta of call %d has its name", delta.index())
                                .isNotBlank();
                        call = new StreamedCall(delta.index(), delta.id(), delta.name());
                        calls.put(delta.index(), call);
                    } else {
                        assertThat(delta.id())
                                .as("a later delta of call %d", delta.index())
                                .isIn(null, call.id);
                    }
                    if (delta.arguments() != null) {
                        call.arguments.append(delta.arguments());
                    }
                }
            }
        }
        List<StreamedCall> inOrder = new ArrayList<>(calls.values());
        inOrder.sort((a, b) -> Integer.compare(a.index, b.index));
        for (StreamedCall call : inOrder) {
            JsonNode arguments = ConformanceRequests.json(call.arguments.toString());
            assertThat(arguments.isObject())
                    .as("call %d's arguments are a JSON object", call.index)
                    .isTrue();
        }
        return inOrder;
    }
}
