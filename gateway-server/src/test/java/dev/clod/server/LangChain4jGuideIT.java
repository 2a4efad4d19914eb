package dev.clod.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The snippets of docs/integrations/langchain4j.md, run against the embedded demo catalog. The code between
 * each {@code guide:begin} and {@code guide:end} marker is the guide's code block of that name, word for word
 * (IntegrationGuidesTest compares them); the assertions after it check what the guide says it does.
 */
class LangChain4jGuideIT {

    private static RunningServer server;

    @BeforeAll
    static void start() {
        server = RunningServer.embeddedDefault();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Section "Chat". */
    @Test
    void chat() {
        String baseUrl = server.baseUrl();
        String apiKey = RunningServer.USER_KEY;
        // guide:begin chat
        OpenAiChatModel model = OpenAiChatModel.builder()
                .baseUrl(baseUrl)
                .apiKey(apiKey)
                .modelName("llama-3.1-8b@price")
                .build();

        String answer = model.chat("What does an LLM gateway do?");
        System.out.println(answer);
        // guide:end chat

        assertThat(answer).contains("What does an LLM gateway do?");
    }

    /** Section "The strategy as a header". */
    @Test
    void strategyHeader() throws Exception {
        String baseUrl = server.baseUrl();
        String apiKey = RunningServer.USER_KEY;
        // guide:begin strategy-header
        OpenAiChatModel model = OpenAiChatModel.builder()
                .baseUrl(baseUrl)
                .apiKey(apiKey)
                .modelName("llama-3.1-8b")
                .customHeaders(Map.of("x-clod-strategy", "latency"))
                .build();
        // guide:end strategy-header

        assertThat(model.chat("Say hello quickly.")).contains("Say hello quickly.");
        // The gateway's request log says which strategy routed it.
        HttpResponse<String> log = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(baseUrl + "/usage/requests?limit=1"))
                                .header("authorization", "Bearer " + RunningServer.ADMIN_KEY)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        JsonNode last = new ObjectMapper().readTree(log.body()).at("/data/0");
        assertThat(last.get("requested_model").asText()).isEqualTo("llama-3.1-8b");
        assertThat(last.get("strategy").asText()).isEqualTo("latency");
    }

    /** Section "Stream". */
    @Test
    void stream() throws Exception {
        String baseUrl = server.baseUrl();
        String apiKey = RunningServer.USER_KEY;
        // guide:begin stream
        OpenAiStreamingChatModel model = OpenAiStreamingChatModel.builder()
                .baseUrl(baseUrl)
                .apiKey(apiKey)
                .modelName("deepseek-v3@tokenrate")
                .build();

        CompletableFuture<ChatResponse> done = new CompletableFuture<>();
        model.chat("Write a haiku about electricity prices.", new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(String partial) {
                System.out.print(partial);
            }

            @Override
            public void onCompleteResponse(ChatResponse response) {
                done.complete(response);
            }

            @Override
            public void onError(Throwable error) {
                done.completeExceptionally(error);
            }
        });
        ChatResponse response = done.get(60, TimeUnit.SECONDS);
        System.out.println("\n" + response.tokenUsage().outputTokenCount() + " tokens");
        // guide:end stream

        assertThat(response.aiMessage().text()).contains("Write a haiku about electricity prices.");
        assertThat(response.tokenUsage().outputTokenCount()).isPositive();
    }

    /** Section "Tools". */
    @Test
    void tools() {
        String baseUrl = server.baseUrl();
        String apiKey = RunningServer.USER_KEY;
        // guide:begin tools
        OpenAiChatModel model = OpenAiChatModel.builder()
                .baseUrl(baseUrl)
                .apiKey(apiKey)
                .modelName("llama-3.1-8b")
                .build();
        ToolSpecification getWeather = ToolSpecification.builder()
                .name("get_weather")
                .description("The current weather in a city")
                .parameters(JsonObjectSchema.builder()
                        .addStringProperty("city")
                        .addEnumProperty("unit", List.of("celsius", "fahrenheit"))
                        .required("city", "unit")
                        .build())
                .build();

        List<ChatMessage> messages = new ArrayList<>();
        messages.add(UserMessage.from("What is the weather in Lyon?"));
        AiMessage asked = model.chat(ChatRequest.builder()
                        .messages(messages)
                        .toolSpecifications(getWeather)
                        .build())
                .aiMessage();
        messages.add(asked);
        for (ToolExecutionRequest call : asked.toolExecutionRequests()) {
            // Your own implementation of the tool; here, a fixed observation.
            String result = "{\"sky\": \"clear\", \"temperature\": 21}";
            System.out.println(call.name() + " " + call.arguments() + " -> " + result);
            messages.add(ToolExecutionResultMessage.from(call, result));
        }
        String answer = model.chat(ChatRequest.builder()
                        .messages(messages)
                        .toolSpecifications(getWeather)
                        .build())
                .aiMessage()
                .text();
        System.out.println(answer);
        // guide:end tools

        assertThat(asked.toolExecutionRequests()).singleElement().satisfies(call -> {
            assertThat(call.name()).isEqualTo("get_weather");
            assertThat(call.arguments()).contains("\"unit\":\"celsius\"");
        });
        assertThat(answer).contains("get_weather").contains("{\"sky\": \"clear\", \"temperature\": 21}");
    }
}
