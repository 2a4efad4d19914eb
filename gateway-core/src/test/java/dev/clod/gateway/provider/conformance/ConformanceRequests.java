package dev.clod.gateway.provider.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clod.gateway.api.AssistantMessage;
import dev.clod.gateway.api.ChatMessage;
import dev.clod.gateway.api.ChatRequest;
import dev.clod.gateway.api.ContentPart;
import dev.clod.gateway.api.MessageContent;
import dev.clod.gateway.api.ResponseFormat;
import dev.clod.gateway.api.SystemMessage;
import dev.clod.gateway.api.Tool;
import dev.clod.gateway.api.ToolCall;
import dev.clod.gateway.api.ToolChoice;
import dev.clod.gateway.api.ToolMessage;
import dev.clod.gateway.api.UserMessage;
import java.io.UncheckedIOException;
import java.util.List;

/** The request of each scenario: the same for every adapter, whatever wire format it becomes. */
final class ConformanceRequests {

    // First: the tools below are parsed with it while the class initialises.
    private static final ObjectMapper JSON = new ObjectMapper();

    static final String SYSTEM = "You are a friendly assistant. Keep answers short.";
    static final String WEATHER_QUESTION = "What's the weather in Paris?";
    static final String COMPARE_QUESTION = "Compare the weather in Paris and Tokyo.";
    static final String PARIS_RESULT = "{\"temperature\": 18, \"conditions\": \"cloudy\"}";
    static final String TOKYO_RESULT = "{\"temperature\": 24, \"conditions\": \"sunny\"}";
    static final String CAT_URL = "https://upload.wikimedia.org/wikipedia/commons/3/3a/Cat03.jpg";
    static final String RED_PIXEL = "data:image/png;base64,"
            + "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==";

    static final Tool WEATHER = new Tool(
            "get_weather",
            "Current weather for a city",
            json("{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\",\"description\":"
                    + "\"City name, e.g. Paris\"},\"unit\":{\"type\":\"string\",\"enum\":[\"celsius\",\"fahrenheit\"]}},"
                    + "\"required\":[\"city\"]}"),
            null);
    static final Tool TIME = new Tool(
            "get_time",
            "Current local time in a time zone",
            json("{\"type\":\"object\",\"properties\":{\"timezone\":{\"type\":\"string\",\"description\":"
                    + "\"IANA time zone, e.g. Europe/Paris\"}},\"required\":[\"timezone\"]}"),
            null);

    private ConformanceRequests() {}

    static ChatRequest of(Scenario scenario, String model) {
        ChatRequest.Builder request =
                switch (scenario) {
                    case CHAT, TIMEOUT, ERROR_STATUSES -> chat(model);
                    case STREAM, STREAM_CUT -> chat(model).stream(true);
                    case TOOL_CALL -> ask(model, WEATHER_QUESTION).tools(List.of(WEATHER, TIME));
                    case TOOL_CALL_STREAM -> ask(model, WEATHER_QUESTION).tools(List.of(WEATHER, TIME)).stream(true);
                    case PARALLEL_TOOL_CALLS -> ask(model, COMPARE_QUESTION).tools(List.of(WEATHER, TIME));
                    case PARALLEL_TOOL_CALLS_STREAM ->
                        ask(model, COMPARE_QUESTION).tools(List.of(WEATHER, TIME)).stream(true);
                    case TOOL_RESULT ->
                        ChatRequest.builder(model).messages(secondRound()).tools(List.of(WEATHER, TIME));
                    case TOOL_CHOICE ->
                        ask(model, WEATHER_QUESTION)
                                .tools(List.of(WEATHER, TIME))
                                .toolChoice(ToolChoice.function("get_time"))
                                .parallelToolCalls(false);
                    case JSON_OUTPUT ->
                        ask(model, "Report the weather in Paris as JSON.")
                                .responseFormat(new ResponseFormat(
                                        ResponseFormat.Type.JSON_SCHEMA,
                                        "weather_report",
                                        json("{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"},"
                                                + "\"temperature_c\":{\"type\":\"number\"}},\"required\":[\"city\","
                                                + "\"temperature_c\"],\"additionalProperties\":false}"),
                                        true));
                    case IMAGE ->
                        ChatRequest.builder(model)
                                .messages(List.of(new UserMessage(
                                        new MessageContent.Parts(List.of(
                                                new ContentPart.TextPart("What is in these images?"),
                                                new ContentPart.ImagePart(CAT_URL, null),
                                                new ContentPart.ImagePart(RED_PIXEL, null))),
                                        null)));
                };
        return request.build();
    }

    /** The first round of the tool conversation, as the client replays it with the results. */
    static List<ChatMessage> secondRound() {
        return List.of(
                UserMessage.of(COMPARE_QUESTION),
                new AssistantMessage(
                        "I'll check both cities.",
                        List.of(
                                new ToolCall(
                                        "call_Paris01", "get_weather", "{\"city\":\"Paris\",\"unit\":\"celsius\"}"),
                                new ToolCall(
                                        "call_Tokyo02", "get_weather", "{\"city\":\"Tokyo\",\"unit\":\"celsius\"}")),
                        null,
                        null),
                new ToolMessage("call_Paris01", PARIS_RESULT),
                new ToolMessage("call_Tokyo02", TOKYO_RESULT));
    }

    private static ChatRequest.Builder chat(String model) {
        return ChatRequest.builder(model)
                .messages(List.of(SystemMessage.of(SYSTEM), UserMessage.of("Say hello")))
                .maxTokens(100)
                .temperature(0.5)
                .stop(List.of("END"))
                .user("user-1234");
    }

    private static ChatRequest.Builder ask(String model, String question) {
        return ChatRequest.builder(model).messages(List.of(UserMessage.of(question)));
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
