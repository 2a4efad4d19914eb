package dev.clod.gateway.provider.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.clod.gateway.provider.openai.TestUpstream.KEY;
import static dev.clod.gateway.provider.openai.TestUpstream.PATH;
import static dev.clod.gateway.provider.openai.TestUpstream.SHORT_TIMEOUT;
import static dev.clod.gateway.provider.openai.TestUpstream.call;
import static dev.clod.gateway.provider.openai.TestUpstream.hello;
import static dev.clod.gateway.provider.openai.TestUpstream.provider;
import static dev.clod.gateway.provider.openai.TestUpstream.sentBody;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.clod.gateway.api.ChatChunk;
import dev.clod.gateway.api.FailureClass;
import dev.clod.gateway.api.FinishReason;
import dev.clod.gateway.api.UpstreamException;
import dev.clod.gateway.api.Usage;
import dev.clod.gateway.provider.RecordingListener;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Streamed calls: server-sent events from an OpenAI-compatible upstream. */
class OpenAiStreamTest {

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
    private final RecordingListener listener = new RecordingListener();

    @AfterEach
    void keptTheListenerContract() {
        assertThat(listener.violations).isEmpty();
    }

    @Test
    void deliversChunksInOrderThenCompletes() throws Exception {
        upstream.stubFor(post(PATH).willReturn(sse("stream-text/response.sse")));

        provider.stream(call(hello().toBuilder().stream(true).build()), listener);

        assertThat(listener.awaitEnd()).isNull();
        List<ChatChunk> chunks = listener.chunks;
        assertThat(chunks).hasSize(10);
        assertThat(chunks.get(0).choices().get(0).delta().role()).isEqualTo("assistant");
        assertThat(listener.text()).isEqualTo("Hello! How can I help?");
        assertThat(chunks.get(8).choices().get(0).finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(chunks.get(9).isUsageOnly()).isTrue();
        assertThat(chunks).allSatisfy(chunk -> {
            assertThat(chunk.id()).isEqualTo("chatcmpl-BdqwK3nVqFLtR1sJpZcPq8mIuS2Ye");
            assertThat(chunk.model()).isEqualTo("gpt-4o-mini-2024-07-18");
        });
        upstream.verify(postRequestedFor(urlEqualTo(PATH))
                .withHeader("Accept", equalTo("text/event-stream"))
                .withHeader("Authorization", equalTo("Bearer " + KEY)));
    }

    @Test
    void alwaysAsksForUsageEvenWhenTheClientDidNot() throws Exception {
        upstream.stubFor(post(PATH).willReturn(sse("stream-text/response.sse")));

        provider.stream(
                call(hello().toBuilder().stream(true).includeUsage(false).build()), listener);

        assertThat(listener.awaitEnd()).isNull();
        JsonNode sent = sentBody(upstream);
        assertThat(sent.get("stream").asBoolean()).isTrue();
        assertThat(sent.at("/stream_options/include_usage").asBoolean()).isTrue();
        ChatChunk last = listener.chunks.get(listener.chunks.size() - 1);
        assertThat(last.usage()).isEqualTo(new Usage(19, 7, 0));
    }

    @Test
    void deliversToolCallArgumentsAsFragments() throws Exception {
        upstream.stubFor(post(PATH).willReturn(sse("stream-tool-call/response.sse")));

        provider.stream(call(hello()), listener);

        assertThat(listener.awaitEnd()).isNull();
        ChatChunk.ToolCallDelta first =
                listener.chunks.get(0).choices().get(0).delta().toolCalls().get(0);
        assertThat(first).isEqualTo(new ChatChunk.ToolCallDelta(0, "call_Qx7bT2mKc9LrVn4sWdE8aJpY", "get_weather", ""));
        StringBuilder arguments = new StringBuilder();
        for (ChatChunk chunk : listener.chunks) {
            for (ChatChunk.ChunkChoice choice : chunk.choices()) {
                for (ChatChunk.ToolCallDelta delta : choice.delta().toolCalls()) {
                    assertThat(delta.index()).isZero();
                    arguments.append(delta.arguments());
                }
            }
        }
        assertThat(JSON.readTree(arguments.toString()))
                .isEqualTo(JSON.readTree("{\"location\":\"Paris, France\",\"unit\":\"celsius\"}"));
        assertThat(listener.chunks
                        .get(listener.chunks.size() - 2)
                        .choices()
                        .get(0)
                        .finishReason())
                .isEqualTo(FinishReason.TOOL_CALLS);
        assertThat(listener.chunks.get(listener.chunks.size() - 1).usage()).isEqualTo(new Usage(81, 22, 0));
    }

    @Test
    void errorInsideTheStreamEndsItAfterTheChunksBefore() throws Exception {
        upstream.stubFor(post(PATH).willReturn(sse("stream-error-midway/response.sse")));

        provider.stream(call(hello()), listener);

        Throwable error = listener.awaitEnd();
        assertThat(listener.text()).isEqualTo("Once upon");
        assertThat(error).isInstanceOfSatisfying(UpstreamException.class, e -> {
            assertThat(e.failureClass()).isEqualTo(FailureClass.TRANSIENT);
            assertThat(e.getMessage())
                    .isEqualTo("The server had an error while processing your request. Sorry about that!");
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.clod.gateway.provider.openai.OpenAiProviderTest#errorAnswers")
    void classifiesErrorAnswersBeforeTheStream(String scenario, int status, FailureClass expected) throws Exception {
        upstream.stubFor(post(PATH).willReturn(OpenAiProviderTest.errorAnswer(scenario, status)));

        provider.stream(call(hello()), listener);

        Throwable error = listener.awaitEnd();
        assertThat(listener.chunks).isEmpty();
        assertThat(error).isInstanceOfSatisfying(UpstreamException.class, e -> {
            assertThat(e.failureClass()).isEqualTo(expected);
            assertThat(e.upstreamStatus()).isEqualTo(status);
        });
    }

    @Test
    void noFirstByteInTimeIsATimeout() throws Exception {
        slowUpstream.stubFor(
                post(PATH).willReturn(sse("stream-text/response.sse").withFixedDelay(1_500)));

        provider(slowUpstream, SHORT_TIMEOUT).stream(call(hello()), listener);

        assertThat(listener.awaitEnd())
                .isInstanceOfSatisfying(UpstreamException.class, e -> assertThat(e.failureClass())
                        .isEqualTo(FailureClass.TIMEOUT));
        assertThat(listener.chunks).isEmpty();
    }

    @Test
    void refusedConnectionIsTransient() throws Exception {
        provider(TestUpstream.refusedBaseUrl(), SHORT_TIMEOUT).stream(call(hello()), listener);

        assertThat(listener.awaitEnd()).isInstanceOfSatisfying(UpstreamException.class, e -> {
            assertThat(e.failureClass()).isEqualTo(FailureClass.TRANSIENT);
            assertThat(e.upstreamStatus()).isZero();
        });
    }

    private static ResponseDefinitionBuilder sse(String fixture) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "text/event-stream; charset=utf-8")
                .withBody(Fixtures.bytes(fixture));
    }
}
