package dev.clod.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.core.http.HttpResponseFor;
import com.openai.core.http.StreamResponse;
import com.openai.models.FunctionDefinition;
import com.openai.models.FunctionParameters;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionMessage;
import com.openai.models.chat.completions.ChatCompletionMessageFunctionToolCall;
import com.openai.models.chat.completions.ChatCompletionMessageToolCall;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.chat.completions.ChatCompletionToolMessageParam;
import com.openai.models.models.Model;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The snippets of docs/integrations/openai-java.md, run against the embedded demo catalog. The code between
 * each {@code guide:begin} and {@code guide:end} marker is the guide's code block of that name, word for word
 * (IntegrationGuidesTest compares them); the assertions after it check what the guide says it does.
 */
class OpenAiJavaGuideIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static RunningServer server;
    private static OpenAIClient client;

    @BeforeAll
    static void start() {
        server = RunningServer.embeddedDefault();
        client = newClient(server.baseUrl(), RunningServer.USER_KEY);
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    /** Section "Connect". */
    private static OpenAIClient newClient(String baseUrl, String apiKey) {
        // guide:begin connect
        OpenAIClient client =
                OpenAIOkHttpClient.builder().baseUrl(baseUrl).apiKey(apiKey).build();
        // guide:end connect
        return client;
    }

    /** Section "Chat, and where it ran". */
    @Test
    void chat() {
        // guide:begin chat
        HttpResponseFor<ChatCompletion> response = client.chat()
                .completions()
                .withRawResponse()
                .create(ChatCompletionCreateParams.builder()
                        .model("llama-3.1-8b@price")
                        .addUserMessage("Say hello in five words.")
                        .build());
        ChatCompletion completion = response.parse();

        String answer = completion.choices().get(0).message().content().orElse("");
        String servedBy = response.headers().values("x-clod-deployment").get(0);
        String costUsd = response.headers().values("x-clod-cost-usd").get(0);
        System.out.println(answer + " (" + servedBy + ", $" + costUsd + ")");
        // guide:end chat

        assertThat(answer).contains("Say hello in five words.");
        assertThat(servedBy).startsWith("llama-3.1-8b/sim-");
        assertThat(new BigDecimal(costUsd)).isPositive();
        assertThat(completion.usage().orElseThrow().totalTokens()).isPositive();
    }

    /** Section "The strategy as a header". */
    @Test
    void strategyHeader() {
        // guide:begin strategy-header
        HttpResponseFor<ChatCompletion> response = client.chat()
                .completions()
                .withRawResponse()
                .create(ChatCompletionCreateParams.builder()
                        .model("llama-3.1-8b")
                        .addUserMessage("Say hello quickly.")
                        .putAdditionalHeader("x-clod-strategy", "latency")
                        .build());
        // guide:end strategy-header

        assertThat(response.headers().values("x-clod-strategy")).containsExactly("latency");
        assertThat(response.headers().values("x-clod-route").get(0)).startsWith("strategy=latency;");
    }

    /** Section "Stream". */
    @Test
    void stream() {
        // guide:begin stream
        ChatCompletionCreateParams params = ChatCompletionCreateParams.builder()
                .model("deepseek-v3@tokenrate")
                .addUserMessage("Write a haiku about electricity prices.")
                // Without this the stream carries no token counts.
                .streamOptions(
                        ChatCompletionStreamOptions.builder().includeUsage(true).build())
                .build();

        StringBuilder text = new StringBuilder();
        AtomicLong completionTokens = new AtomicLong();
        try (StreamResponse<ChatCompletionChunk> stream =
                client.chat().completions().createStreaming(params)) {
            stream.stream().forEach(chunk -> {
                chunk.choices().forEach(choice -> choice.delta().content().ifPresent(text::append));
                chunk.usage().ifPresent(usage -> completionTokens.set(usage.completionTokens()));
            });
        }
        System.out.println(text + " (" + completionTokens + " tokens)");
        // guide:end stream

        assertThat(text.toString()).contains("Write a haiku about electricity prices.");
        assertThat(completionTokens.get()).isPositive();
    }

    /** Section "Tools". */
    @Test
    void tools() throws Exception {
        // guide:begin tools
        FunctionDefinition getWeather = FunctionDefinition.builder()
                .name("get_weather")
                .description("The current weather in a city")
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
        ChatCompletionCreateParams question = ChatCompletionCreateParams.builder()
                .model("llama-3.1-8b")
                .addUserMessage("What is the weather in Lyon?")
                .addFunctionTool(getWeather)
                .build();

        ChatCompletionMessage asked =
                client.chat().completions().create(question).choices().get(0).message();

        ChatCompletionCreateParams.Builder followUp = question.toBuilder().addMessage(asked);
        for (ChatCompletionMessageToolCall toolCall : asked.toolCalls().orElse(List.of())) {
            ChatCompletionMessageFunctionToolCall call = toolCall.asFunction();
            // Your own implementation of the tool; here, a fixed observation.
            String result = "{\"sky\": \"clear\", \"temperature\": 21}";
            System.out.println(call.function().name() + " " + call.function().arguments() + " -> " + result);
            followUp.addMessage(ChatCompletionToolMessageParam.builder()
                    .toolCallId(call.id())
                    .content(result)
                    .build());
        }
        String answer = client.chat()
                .completions()
                .create(followUp.build())
                .choices()
                .get(0)
                .message()
                .content()
                .orElse("");
        System.out.println(answer);
        // guide:end tools

        ChatCompletionMessageFunctionToolCall call =
                asked.toolCalls().orElseThrow().get(0).asFunction();
        JsonNode arguments = JSON.readTree(call.function().arguments());
        assertThat(arguments.get("city").isTextual()).isTrue();
        assertThat(arguments.get("unit").asText()).isEqualTo("celsius");
        assertThat(answer).contains("get_weather").contains("{\"sky\": \"clear\", \"temperature\": 21}");
    }

    /** Section "Models and their limits". */
    @Test
    void models() {
        // guide:begin models
        List<String> toolModels = new ArrayList<>();
        for (Model model : client.models().list().autoPager()) {
            Map<String, JsonValue> extra = model._additionalProperties();
            Integer contextWindow = extra.get("context_window").convert(Integer.class);
            Integer maxOutputTokens = extra.get("max_output_tokens").convert(Integer.class);
            List<String> capabilities = extra.get("capabilities").convert(new TypeReference<List<String>>() {});
            System.out.println(model.id() + " context_window=" + contextWindow + " max_output_tokens=" + maxOutputTokens
                    + " capabilities=" + capabilities);
            if (capabilities.contains("tools")) {
                toolModels.add(model.id());
            }
        }
        // guide:end models

        assertThat(toolModels)
                .contains("llama-3.1-8b", "deepseek-v3", "minimax-m2.5")
                .doesNotContain("qwen-2.5-7b");
        Map<String, JsonValue> llama = client.models().retrieve("llama-3.1-8b")._additionalProperties();
        assertThat(llama.get("context_window").convert(Integer.class)).isEqualTo(131072);
        assertThat(llama.get("max_output_tokens").convert(Integer.class)).isEqualTo(8192);
    }
}
