package dev.clod.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.core.http.HttpResponseFor;
import com.openai.core.http.StreamResponse;
import com.openai.errors.BadRequestException;
import com.openai.errors.NotFoundException;
import com.openai.errors.UnauthorizedException;
import com.openai.models.FunctionDefinition;
import com.openai.models.FunctionParameters;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionMessage;
import com.openai.models.chat.completions.ChatCompletionMessageFunctionToolCall;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.chat.completions.ChatCompletionToolMessageParam;
import com.openai.models.models.Model;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The official OpenAI Java SDK against the running server. */
class OpenAiSdkIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static RunningServer server;
    private static OpenAIClient client;

    @BeforeAll
    static void start() {
        server = RunningServer.withCatalog("/test-catalog.yaml", Map.of());
        client = client(RunningServer.USER_KEY);
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    @Test
    void listsTheModels() {
        List<String> ids = new ArrayList<>();
        client.models().list().autoPager().forEach(model -> ids.add(model.id()));

        assertThat(ids).containsExactly("test-llama", "wired-fallback", "wired-answer", "wired-reject", "needs-key");
        Model one = client.models().retrieve("test-llama");
        assertThat(one.ownedBy()).isEqualTo("simulated");
    }

    @Test
    void chats() {
        ChatCompletion completion =
                client.chat().completions().create(params("test-llama").build());

        assertThat(completion.model()).isEqualTo("test-llama");
        assertThat(completion.choices().get(0).message().content())
                .hasValueSatisfying(text -> assertThat(text).contains("What is a gateway?"));
        assertThat(completion.usage().orElseThrow().totalTokens()).isPositive();
    }

    @Test
    void aTaggedModelIsRoutedByItsStrategyAndSaysWhere() {
        HttpResponseFor<ChatCompletion> response = client.chat()
                .completions()
                .withRawResponse()
                .create(params("test-llama@tokenrate").build());

        assertThat(response.headers().values("x-clod-provider")).containsExactly("sim-fast");
        assertThat(response.parse().model()).isEqualTo("test-llama");
    }

    @Test
    void streams() {
        ChatCompletionCreateParams params = params("test-llama@latency")
                .streamOptions(
                        ChatCompletionStreamOptions.builder().includeUsage(true).build())
                .build();
        StringBuilder text = new StringBuilder();
        List<ChatCompletionChunk> chunks = new ArrayList<>();

        try (StreamResponse<ChatCompletionChunk> stream =
                client.chat().completions().createStreaming(params)) {
            stream.stream().forEach(chunk -> {
                chunks.add(chunk);
                chunk.choices().forEach(choice -> choice.delta().content().ifPresent(text::append));
            });
        }

        assertThat(chunks.size()).isGreaterThan(3);
        assertThat(text.toString()).contains("What is a gateway?");
        assertThat(chunks.get(chunks.size() - 1).usage().orElseThrow().completionTokens())
                .isPositive();
    }

    @Test
    void runsAToolConversation() throws Exception {
        FunctionDefinition weather = FunctionDefinition.builder()
                .name("get_weather")
                .description("Current weather for a city")
                .parameters(FunctionParameters.builder()
                        .putAdditionalProperty("type", JsonValue.from("object"))
                        .putAdditionalProperty(
                                "properties",
                                JsonValue.from(Map.of(
                                        "city", Map.of("type", "string"),
                                        "unit", Map.of("type", "string", "enum", List.of("celsius", "fahrenheit")))))
                        .putAdditionalProperty("required", JsonValue.from(List.of("city", "unit")))
                        .build())
                .build();
        ChatCompletionCreateParams first = ChatCompletionCreateParams.builder()
                .model("test-llama")
                .addUserMessage("What's the weather in Boston?")
                .addFunctionTool(weather)
                .build();

        ChatCompletion asked = client.chat().completions().create(first);

        assertThat(asked.choices().get(0).finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.TOOL_CALLS);
        ChatCompletionMessage message = asked.choices().get(0).message();
        ChatCompletionMessageFunctionToolCall call =
                message.toolCalls().orElseThrow().get(0).asFunction();
        assertThat(call.function().name()).isEqualTo("get_weather");
        JsonNode arguments = JSON.readTree(call.function().arguments());
        assertThat(arguments.get("unit").asText()).isEqualTo("celsius");
        assertThat(arguments.get("city").isTextual()).isTrue();

        ChatCompletion answered = client.chat()
                .completions()
                .create(first.toBuilder()
                        .addMessage(message)
                        .addMessage(ChatCompletionToolMessageParam.builder()
                                .toolCallId(call.id())
                                .content("{\"temperature\": 21}")
                                .build())
                        .build());

        assertThat(answered.choices().get(0).message().content())
                .hasValueSatisfying(
                        text -> assertThat(text).contains("get_weather").contains("{\"temperature\": 21}"));
    }

    @Test
    void aWrongKeyIsTheSdksAuthenticationError() {
        OpenAIClient wrong = client("sk-not-a-key");
        try {
            assertThatThrownBy(() -> wrong.chat()
                            .completions()
                            .create(params("test-llama").build()))
                    .isInstanceOfSatisfying(UnauthorizedException.class, e -> assertThat(e.code())
                            .hasValue("invalid_api_key"));
        } finally {
            wrong.close();
        }
    }

    @Test
    void anUnknownModelIsTheSdksNotFoundErrorInOpenAisShape() {
        assertThatThrownBy(() -> client.chat()
                        .completions()
                        .create(params("no-such-model").build()))
                .isInstanceOfSatisfying(NotFoundException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(404);
                    assertThat(e.code()).hasValue("model_not_found");
                    assertThat(e.getMessage()).contains("no-such-model");
                });
    }

    @Test
    void anUnknownTagIsTheSdksBadRequestError() {
        assertThatThrownBy(() -> client.chat()
                        .completions()
                        .create(params("test-llama@fastest").build()))
                .isInstanceOfSatisfying(
                        BadRequestException.class, e -> assertThat(e.param()).hasValue("model"));
    }

    private static ChatCompletionCreateParams.Builder params(String model) {
        return ChatCompletionCreateParams.builder().model(model).addUserMessage("What is a gateway?");
    }

    private static OpenAIClient client(String key) {
        return OpenAIOkHttpClient.builder()
                .baseUrl(server.baseUrl())
                .apiKey(key)
                .maxRetries(0)
                .build();
    }
}
