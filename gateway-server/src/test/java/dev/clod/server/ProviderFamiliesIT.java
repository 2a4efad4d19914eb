package dev.clod.server;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.core.http.HttpResponseFor;
import com.openai.core.http.StreamResponse;
import com.openai.helpers.ChatCompletionAccumulator;
import com.openai.models.FunctionDefinition;
import com.openai.models.FunctionParameters;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionMessage;
import com.openai.models.chat.completions.ChatCompletionMessageFunctionToolCall;
import com.openai.models.chat.completions.ChatCompletionToolMessageParam;
import dev.clod.gateway.provider.conformance.FixtureFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The official OpenAI Java SDK runs two-round tool conversations through the server against an
 * Anthropic-format and a Gemini-format upstream, plain and streamed, and across a fallback from an
 * overloaded Anthropic upstream to an OpenAI-compatible one between the two rounds. Each upstream
 * answers only the exact request its recorded fixture holds, so every translation on the way is
 * checked, and the SDK's own stream accumulator puts the streamed tool calls together.
 */
class ProviderFamiliesIT {

    @RegisterExtension
    static WireMockExtension anthropic = upstream();

    @RegisterExtension
    static WireMockExtension gemini = upstream();

    @RegisterExtension
    static WireMockExtension overloaded = upstream();

    @RegisterExtension
    static WireMockExtension compatible = upstream();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final FixtureFiles ANTHROPIC = new FixtureFiles("anthropic");
    private static final FixtureFiles GEMINI = new FixtureFiles("gemini");
    private static final FixtureFiles OPENAI = new FixtureFiles("openai");

    /** The ids Anthropic gave the two calls in its recorded answer. */
    private static final Map<String, String> ANTHROPIC_IDS =
            Map.of("call_Paris01", "toolu_01Kx9mPq2VbN4cRt7Wz3YhFa", "call_Tokyo02", "toolu_01Lm4nQr8XcV2bTy6Ua9ZjGe");

    private static final String ANSWER = "Paris is 18 °C and cloudy; Tokyo is 24 °C and sunny.";
    private static final String GEMINI_PATH = "/v1beta/models/gemini-2.5-flash:generateContent";
    private static final String GEMINI_STREAM_PATH = "/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse";

    private static RunningServer server;
    private static OpenAIClient client;

    private static WireMockExtension upstream() {
        return WireMockExtension.newInstance()
                .options(wireMockConfig().dynamicPort())
                .failOnUnmatchedRequests(true)
                .build();
    }

    @BeforeAll
    static void start() {
        server = RunningServer.withCatalog(
                "/provider-families-catalog.yaml",
                Map.of(
                        "ANTHROPIC_URL", anthropic.baseUrl(),
                        "GEMINI_URL", gemini.baseUrl(),
                        "OVERLOADED_URL", overloaded.baseUrl(),
                        "COMPATIBLE_URL", compatible.baseUrl() + "/v1"));
        client = OpenAIOkHttpClient.builder()
                .baseUrl(server.baseUrl())
                .apiKey(RunningServer.USER_KEY)
                .maxRetries(0)
                .build();
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    @BeforeEach
    void resetUpstreams() {
        List.of(anthropic, gemini, overloaded, compatible).forEach(WireMockExtension::resetAll);
    }

    @ParameterizedTest(name = "stream: {0}")
    @ValueSource(booleans = {false, true})
    void aToolConversationWithAnAnthropicUpstream(boolean stream) {
        anthropic.stubFor(post(urlEqualTo("/v1/messages"))
                .withHeader("x-api-key", equalTo("test-anthropic-key"))
                .withRequestBody(equalToJson(anthropicBody("parallel-tool-calls", stream)))
                .willReturn(recorded(ANTHROPIC, "parallel-tool-calls", stream)));
        anthropic.stubFor(post(urlEqualTo("/v1/messages"))
                .withRequestBody(equalToJson(anthropicBody("tool-result", stream)))
                .willReturn(recorded(ANTHROPIC, "tool-result", stream)));

        ChatCompletion asked = ask(firstRound("claude-wired"), stream);

        ChatCompletionMessage message = asksForBothCities(asked);
        assertThat(ids(message)).containsExactly("toolu_01Kx9mPq2VbN4cRt7Wz3YhFa", "toolu_01Lm4nQr8XcV2bTy6Ua9ZjGe");

        ChatCompletion answered = ask(secondRound("claude-wired", message), stream);

        assertThat(answered.choices().get(0).message().content()).hasValue(ANSWER);
        assertThat(answered.choices().get(0).finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.STOP);
        anthropic.verify(2, postRequestedFor(urlEqualTo("/v1/messages")));
    }

    @ParameterizedTest(name = "stream: {0}")
    @ValueSource(booleans = {false, true})
    void aToolConversationWithAGeminiUpstream(boolean stream) {
        String path = stream ? GEMINI_STREAM_PATH : GEMINI_PATH;
        gemini.stubFor(post(urlEqualTo(path))
                .withHeader("x-goog-api-key", equalTo("test-gemini-key"))
                .withRequestBody(equalToJson(GEMINI.text("parallel-tool-calls/request.json")))
                .willReturn(recorded(GEMINI, "parallel-tool-calls", stream)));
        gemini.stubFor(post(urlEqualTo(path))
                .withRequestBody(equalToJson(GEMINI.text("tool-result/request.json")))
                .willReturn(recorded(GEMINI, "tool-result", stream)));

        ChatCompletion asked = ask(firstRound("gemini-wired"), stream);

        ChatCompletionMessage message = asksForBothCities(asked);
        // Gemini has no call ids: the gateway made them, and finds each result's function by them.
        assertThat(ids(message)).allMatch(id -> id.matches("call_[0-9a-f]{24}")).doesNotHaveDuplicates();

        ChatCompletion answered = ask(secondRound("gemini-wired", message), stream);

        assertThat(answered.choices().get(0).message().content()).hasValue(ANSWER);
        gemini.verify(2, postRequestedFor(urlEqualTo(path)));
    }

    @ParameterizedTest(name = "stream: {0}")
    @ValueSource(booleans = {false, true})
    void anOverloadedAnthropicUpstreamHandsTheConversationToAnOpenAiCompatibleOne(boolean stream) {
        String model = stream ? "fallback-wired-stream" : "fallback-wired";
        overloaded.stubFor(post(urlEqualTo("/v1/messages"))
                .withRequestBody(equalToJson(anthropicBody("parallel-tool-calls", stream)))
                .willReturn(recorded(ANTHROPIC, "parallel-tool-calls", stream)));
        overloaded.stubFor(post(urlEqualTo("/v1/messages"))
                .withRequestBody(equalToJson(anthropicBody("tool-result", stream)))
                .willReturn(aResponse()
                        .withStatus(529)
                        .withHeader("Content-Type", "application/json")
                        .withBody(ANTHROPIC.bytes("error-529/body.json"))));
        ChatCompletionMessage message = asksForBothCities(ask(firstRound(model), stream));
        compatible.stubFor(post(urlEqualTo("/v1/chat/completions"))
                .withHeader("Authorization", equalTo("Bearer test-openai-key"))
                .withRequestBody(equalToJson(openAiSecondRound(message, stream)))
                .willReturn(recorded(OPENAI, "tool-result", stream)));
        ChatCompletion answered;
        if (stream) {
            answered = ask(secondRound(model, message), true);
        } else {
            HttpResponseFor<ChatCompletion> raw =
                    client.chat().completions().withRawResponse().create(secondRound(model, message));
            assertThat(raw.headers().values("x-clod-provider")).containsExactly("compatible");
            answered = raw.parse();
        }

        assertThat(answered.choices().get(0).message().content()).hasValue(ANSWER);
        overloaded.verify(2, postRequestedFor(urlEqualTo("/v1/messages")));
        compatible.verify(1, postRequestedFor(urlEqualTo("/v1/chat/completions")));
    }

    // --- the conversation --------------------------------------------------------------------------

    private static ChatCompletionCreateParams firstRound(String model) {
        return ChatCompletionCreateParams.builder()
                .model(model)
                .addUserMessage("Compare the weather in Paris and Tokyo.")
                .addFunctionTool(function(
                        "get_weather",
                        "Current weather for a city",
                        Map.of(
                                "city",
                                Map.of("type", "string", "description", "City name, e.g. Paris"),
                                "unit",
                                Map.of("type", "string", "enum", List.of("celsius", "fahrenheit"))),
                        List.of("city")))
                .addFunctionTool(function(
                        "get_time",
                        "Current local time in a time zone",
                        Map.of(
                                "timezone",
                                Map.of("type", "string", "description", "IANA time zone, e.g. Europe/Paris")),
                        List.of("timezone")))
                .build();
    }

    private static ChatCompletionCreateParams secondRound(String model, ChatCompletionMessage asked) {
        List<ChatCompletionMessageFunctionToolCall> calls = functionCalls(asked);
        return firstRound(model).toBuilder()
                .addMessage(asked)
                .addMessage(result(calls.get(0), "{\"temperature\": 18, \"conditions\": \"cloudy\"}"))
                .addMessage(result(calls.get(1), "{\"temperature\": 24, \"conditions\": \"sunny\"}"))
                .build();
    }

    private static ChatCompletionToolMessageParam result(ChatCompletionMessageFunctionToolCall call, String content) {
        return ChatCompletionToolMessageParam.builder()
                .toolCallId(call.id())
                .content(content)
                .build();
    }

    private static FunctionDefinition function(
            String name, String description, Map<String, Object> properties, List<String> required) {
        return FunctionDefinition.builder()
                .name(name)
                .description(description)
                .parameters(FunctionParameters.builder()
                        .putAdditionalProperty("type", JsonValue.from("object"))
                        .putAdditionalProperty("properties", JsonValue.from(properties))
                        .putAdditionalProperty("required", JsonValue.from(required))
                        .build())
                .build();
    }

    /** Asks through the SDK; a stream is put together by the SDK's own accumulator, as clients do. */
    private static ChatCompletion ask(ChatCompletionCreateParams params, boolean stream) {
        if (!stream) {
            return client.chat().completions().create(params);
        }
        ChatCompletionAccumulator accumulator = ChatCompletionAccumulator.create();
        try (StreamResponse<ChatCompletionChunk> chunks =
                client.chat().completions().createStreaming(params)) {
            chunks.stream().forEach(accumulator::accumulate);
        }
        return accumulator.chatCompletion();
    }

    /** The first round's answer: the text and the two weather calls every recorded upstream gives. */
    private static ChatCompletionMessage asksForBothCities(ChatCompletion asked) {
        assertThat(asked.choices().get(0).finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.TOOL_CALLS);
        ChatCompletionMessage message = asked.choices().get(0).message();
        assertThat(message.content()).hasValue("I'll check both cities.");
        List<ChatCompletionMessageFunctionToolCall> calls = functionCalls(message);
        assertThat(calls).extracting(call -> call.function().name()).containsExactly("get_weather", "get_weather");
        assertThat(calls)
                .extracting(call -> json(call.function().arguments()))
                .containsExactly(
                        json("{\"city\":\"Paris\",\"unit\":\"celsius\"}"),
                        json("{\"city\":\"Tokyo\",\"unit\":\"celsius\"}"));
        return message;
    }

    private static List<ChatCompletionMessageFunctionToolCall> functionCalls(ChatCompletionMessage message) {
        return message.toolCalls().orElseThrow().stream()
                .map(call -> call.asFunction())
                .toList();
    }

    private static List<String> ids(ChatCompletionMessage message) {
        return functionCalls(message).stream()
                .map(ChatCompletionMessageFunctionToolCall::id)
                .toList();
    }

    // --- the recorded upstreams --------------------------------------------------------------------

    /** An Anthropic request fixture, with the ids the recorded first answer gave, streamed or not. */
    private static String anthropicBody(String scenario, boolean stream) {
        ObjectNode body = (ObjectNode) json(withAnthropicIds(ANTHROPIC.text(scenario + "/request.json")));
        if (stream) {
            body.put("stream", true);
        }
        return body.toString();
    }

    /**
     * The OpenAI-format second round the compatible upstream must receive: the recorded one, with
     * Anthropic's call ids and the arguments exactly as the client replayed them (a streamed answer
     * keeps the spacing of Anthropic's own fragments).
     */
    private static String openAiSecondRound(ChatCompletionMessage asked, boolean stream) {
        String fixture = stream ? "tool-result-stream" : "tool-result";
        JsonNode body = json(withAnthropicIds(OPENAI.text(fixture + "/request.json")));
        List<ChatCompletionMessageFunctionToolCall> calls = functionCalls(asked);
        for (int i = 0; i < calls.size(); i++) {
            ObjectNode function = (ObjectNode) body.at("/messages/1/tool_calls/" + i + "/function");
            function.put("arguments", calls.get(i).function().arguments());
        }
        return body.toString();
    }

    private static String withAnthropicIds(String fixture) {
        String text = fixture;
        for (Map.Entry<String, String> id : ANTHROPIC_IDS.entrySet()) {
            text = text.replace(id.getKey(), id.getValue());
        }
        return text;
    }

    private static ResponseDefinitionBuilder recorded(FixtureFiles files, String scenario, boolean stream) {
        if (stream) {
            return aResponse()
                    .withHeader("Content-Type", "text/event-stream")
                    .withBody(files.bytes(scenario + "-stream/response.sse"));
        }
        return aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody(files.bytes(scenario + "/response.json"));
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
