package dev.clod.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * LangChain4j's OpenAI module against the running server. Its JDK HTTP client offers an HTTP/2
 * cleartext upgrade on every request, streams included, so these tests cover that too.
 */
class LangChain4jIT {

    private static RunningServer server;

    @BeforeAll
    static void start() {
        server = RunningServer.withCatalog("/test-catalog.yaml", Map.of());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void chats() {
        String answer = model("test-llama@price", RunningServer.USER_KEY).chat("What is a gateway?");

        assertThat(answer).contains("What is a gateway?").contains("sim-cheap");
    }

    @Test
    void streams() throws Exception {
        OpenAiStreamingChatModel model = OpenAiStreamingChatModel.builder()
                .baseUrl(server.baseUrl())
                .apiKey(RunningServer.USER_KEY)
                .modelName("test-llama@latency")
                .timeout(Duration.ofSeconds(20))
                .build();
        List<String> partials = new CopyOnWriteArrayList<>();
        CompletableFuture<ChatResponse> done = new CompletableFuture<>();

        model.chat("Stream this", new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(String partial) {
                partials.add(partial);
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
        ChatResponse response = done.get(20, TimeUnit.SECONDS);

        assertThat(partials.size()).isGreaterThan(3);
        assertThat(String.join("", partials))
                .isEqualTo(response.aiMessage().text())
                .contains("Stream this");
        assertThat(response.tokenUsage().outputTokenCount()).isPositive();
    }

    @Test
    void callsATool() {
        OpenAiChatModel model = model("test-llama", RunningServer.USER_KEY);
        ToolSpecification weather = ToolSpecification.builder()
                .name("get_weather")
                .description("Current weather for a city")
                .parameters(JsonObjectSchema.builder()
                        .addStringProperty("city")
                        .required("city")
                        .build())
                .build();
        UserMessage question = UserMessage.from("What's the weather in Boston?");

        AiMessage asked = model.chat(ChatRequest.builder()
                        .messages(question)
                        .toolSpecifications(weather)
                        .build())
                .aiMessage();

        assertThat(asked.hasToolExecutionRequests()).isTrue();
        ToolExecutionRequest call = asked.toolExecutionRequests().get(0);
        assertThat(call.name()).isEqualTo("get_weather");
        assertThat(call.arguments()).contains("\"city\"");

        // LangChain4j replays the tool-call message without any content field.
        AiMessage answered = model.chat(ChatRequest.builder()
                        .messages(question, asked, ToolExecutionResultMessage.from(call, "sunny, 24 degrees"))
                        .toolSpecifications(weather)
                        .build())
                .aiMessage();

        assertThat(answered.text()).contains("sunny, 24 degrees");
    }

    @Test
    void aWrongKeyIsAnAuthenticationError() {
        assertThatThrownBy(() -> model("test-llama", "sk-wrong").chat("hi"))
                .isInstanceOf(AuthenticationException.class);
    }

    @Test
    void anUnknownModelIsModelNotFound() {
        assertThatThrownBy(() -> model("no-such-model", RunningServer.USER_KEY).chat("hi"))
                .isInstanceOf(ModelNotFoundException.class)
                .hasMessageContaining("no-such-model");
    }

    private static OpenAiChatModel model(String name, String key) {
        return OpenAiChatModel.builder()
                .baseUrl(server.baseUrl())
                .apiKey(key)
                .modelName(name)
                .maxRetries(0)
                .timeout(Duration.ofSeconds(20))
                .build();
    }
}
