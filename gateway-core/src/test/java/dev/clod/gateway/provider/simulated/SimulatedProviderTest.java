package dev.clod.gateway.provider.simulated;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clod.gateway.api.AssistantMessage;
import dev.clod.gateway.api.ChatChunk;
import dev.clod.gateway.api.ChatMessage;
import dev.clod.gateway.api.ChatRequest;
import dev.clod.gateway.api.ChatResponse;
import dev.clod.gateway.api.FinishReason;
import dev.clod.gateway.api.ResponseFormat;
import dev.clod.gateway.api.SystemMessage;
import dev.clod.gateway.api.Tool;
import dev.clod.gateway.api.ToolCall;
import dev.clod.gateway.api.ToolChoice;
import dev.clod.gateway.api.ToolMessage;
import dev.clod.gateway.api.UserMessage;
import dev.clod.gateway.provider.RecordingListener;
import dev.clod.gateway.provider.StreamHandle;
import dev.clod.gateway.provider.UpstreamCall;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SimulatedProviderTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-08-10T12:00:00Z"), ZoneOffset.UTC);

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final SimulatedProvider provider =
            new SimulatedProvider("sim-dallas", Duration.ofMillis(5), 2000, scheduler, CLOCK);

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    @Test
    void answersWithTextThatQuotesTheUser() throws Exception {
        ChatResponse response = provider.complete(call(request(UserMessage.of("What is the capital of Texas?"))))
                .get(5, TimeUnit.SECONDS);

        assertThat(response.firstMessage().content())
                .contains("What is the capital of Texas?")
                .contains("sim-dallas");
        assertThat(response.choices().get(0).finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(response.usage().promptTokens()).isPositive();
        assertThat(response.usage().completionTokens()).isPositive();
        assertThat(response.created()).isEqualTo(CLOCK.instant().getEpochSecond());
        assertThat(response.model()).isEqualTo("upstream-llama");
    }

    @Test
    void callsTheMatchingToolWithArgumentsValidAgainstItsSchema() throws Exception {
        ChatRequest request = request(UserMessage.of("What's the weather in Boston, in celsius?")).toBuilder()
                .tools(List.of(stockTool(), weatherTool()))
                .build();

        ChatResponse response = provider.complete(call(request)).get(5, TimeUnit.SECONDS);

        AssistantMessage message = response.firstMessage();
        assertThat(response.choices().get(0).finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
        assertThat(message.content()).isNull();
        assertThat(message.toolCalls()).hasSize(1);
        ToolCall call = message.toolCalls().get(0);
        assertThat(call.name()).isEqualTo("get_weather");
        assertThat(call.id()).startsWith("call_");
        JsonNode arguments = JSON.readTree(call.arguments());
        assertThat(arguments.get("city").isTextual()).isTrue();
        assertThat(arguments.get("unit").asText()).isEqualTo("celsius");
        assertThat(arguments.get("days").isIntegralNumber()).isTrue();
        assertThat(arguments.get("days").asInt()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aNamedToolChoiceIsObeyedAndNoneMeansText() throws Exception {
        ChatRequest named = request(UserMessage.of("What's the weather in Boston?")).toBuilder()
                .tools(List.of(weatherTool(), stockTool()))
                .toolChoice(ToolChoice.function("get_stock_price"))
                .build();
        ChatRequest none = named.toBuilder().toolChoice(ToolChoice.NONE).build();

        assertThat(provider.complete(call(named))
                        .get(5, TimeUnit.SECONDS)
                        .firstMessage()
                        .toolCalls())
                .extracting(ToolCall::name)
                .containsExactly("get_stock_price");
        ChatResponse text = provider.complete(call(none)).get(5, TimeUnit.SECONDS);
        assertThat(text.firstMessage().toolCalls()).isEmpty();
        assertThat(text.firstMessage().content()).isNotBlank();
    }

    @Test
    void afterToolResultsItAnswersQuotingThem() throws Exception {
        ToolCall call = new ToolCall("call_1", "get_weather", "{\"city\":\"Boston\"}");
        ChatRequest request = request(
                        UserMessage.of("What's the weather in Boston?"),
                        AssistantMessage.ofToolCalls(List.of(call)),
                        new ToolMessage("call_1", "{\"temperature\": 21, \"sky\": \"clear\"}"))
                .toBuilder()
                .tools(List.of(weatherTool()))
                .build();

        ChatResponse response = provider.complete(call(request)).get(5, TimeUnit.SECONDS);

        assertThat(response.firstMessage().toolCalls()).isEmpty();
        assertThat(response.firstMessage().content())
                .contains("get_weather")
                .contains("{\"temperature\": 21, \"sky\": \"clear\"}");
    }

    @Test
    void anOutputLimitCutsTheAnswerWithFinishReasonLength() throws Exception {
        ChatRequest request = request(UserMessage.of("Tell me everything.")).toBuilder()
                .maxTokens(3)
                .build();

        ChatResponse response = provider.complete(call(request)).get(5, TimeUnit.SECONDS);

        assertThat(response.choices().get(0).finishReason()).isEqualTo(FinishReason.LENGTH);
        assertThat(response.usage().completionTokens()).isEqualTo(3);
    }

    @Test
    void jsonOutputIsValidJson() throws Exception {
        ChatRequest request = request(UserMessage.of("Say \"hi\" as JSON")).toBuilder()
                .responseFormat(ResponseFormat.JSON_OBJECT)
                .build();

        String content = provider.complete(call(request))
                .get(5, TimeUnit.SECONDS)
                .firstMessage()
                .content();

        assertThat(JSON.readTree(content).get("answer").asText()).contains("Say \"hi\" as JSON");
    }

    @Test
    void streamsTheSameAnswerInOrderAndEndsWithUsage() throws Exception {
        ChatRequest request = request(SystemMessage.of("Be brief."), UserMessage.of("Hello there"));
        String whole = provider.complete(call(request))
                .get(5, TimeUnit.SECONDS)
                .firstMessage()
                .content();
        RecordingListener listener = new RecordingListener();

        provider.stream(call(request), listener);
        listener.done.get(5, TimeUnit.SECONDS);

        List<ChatChunk> chunks = listener.chunks;
        assertThat(chunks.size()).isGreaterThan(3);
        assertThat(chunks.get(0).choices().get(0).delta().role()).isEqualTo("assistant");
        assertThat(listener.text()).isEqualTo(whole);
        ChatChunk finish = chunks.get(chunks.size() - 2);
        assertThat(finish.choices().get(0).finishReason()).isEqualTo(FinishReason.STOP);
        ChatChunk usage = chunks.get(chunks.size() - 1);
        assertThat(usage.isUsageOnly()).isTrue();
        assertThat(usage.usage().completionTokens())
                .isEqualTo(ReplyPlanner.tokenize(whole).size());
        assertThat(chunks).extracting(ChatChunk::id).containsOnly(chunks.get(0).id());
        assertThat(listener.violations).isEmpty();
    }

    @Test
    void streamsAToolCallAsIdAndNameThenArgumentFragments() throws Exception {
        ChatRequest request = request(UserMessage.of("Weather in Boston please")).toBuilder()
                .tools(List.of(weatherTool()))
                .build();
        RecordingListener listener = new RecordingListener();

        provider.stream(call(request), listener);
        listener.done.get(5, TimeUnit.SECONDS);

        ChatChunk.ToolCallDelta first =
                listener.chunks.get(0).choices().get(0).delta().toolCalls().get(0);
        assertThat(first.id()).startsWith("call_");
        assertThat(first.name()).isEqualTo("get_weather");
        assertThat(JSON.readTree(listener.toolArguments()).get("unit").asText()).isEqualTo("celsius");
        assertThat(listener.chunks).anySatisfy(chunk -> assertThat(chunk.choices())
                .anySatisfy(choice -> assertThat(choice.finishReason()).isEqualTo(FinishReason.TOOL_CALLS)));
    }

    @Test
    void aCancelledStreamSaysNothingMore() throws Exception {
        SimulatedProvider slow = new SimulatedProvider("sim-slow", Duration.ofMillis(50), 100, scheduler, CLOCK);
        RecordingListener listener = new RecordingListener();

        StreamHandle handle = slow.stream(call(request(UserMessage.of("Hello"))), listener);
        handle.cancel();
        // The scheduler runs tasks in time order on one thread: once a task scheduled after the first
        // token's time has run, the first token would have been delivered had the stream gone on.
        scheduler.schedule(() -> {}, 200, TimeUnit.MILLISECONDS).get(5, TimeUnit.SECONDS);

        assertThat(listener.chunks).isEmpty();
        assertThat(listener.done).isNotDone();
    }

    private static UpstreamCall call(ChatRequest request) {
        return new UpstreamCall(request, "llama-3.1-8b/sim-dallas");
    }

    private static ChatRequest request(ChatMessage... messages) {
        return ChatRequest.of("upstream-llama", List.of(messages));
    }

    private static Tool weatherTool() throws Exception {
        return new Tool("get_weather", "Current weather for a city", JSON.readTree("""
                        {"type": "object",
                         "properties": {
                           "city": {"type": "string", "description": "City name"},
                           "unit": {"type": "string", "enum": ["celsius", "fahrenheit"]},
                           "days": {"type": "integer", "minimum": 1}
                         },
                         "required": ["city", "unit"]}
                        """), null);
    }

    private static Tool stockTool() throws Exception {
        return new Tool(
                "get_stock_price",
                "Latest price of a stock ticker",
                JSON.readTree("{\"type\":\"object\",\"properties\":{\"ticker\":{\"type\":\"string\"}}}"),
                null);
    }
}
