package dev.clod.gateway.api.json;

import static dev.clod.gateway.api.json.ReadRequestTest.node;
import static dev.clod.gateway.api.json.ReadRequestTest.q;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clod.gateway.api.AssistantMessage;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What the gateway writes upstream reads back as the same request, and has OpenAI's shape. */
class RequestRoundTripTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ToolCall CALL = new ToolCall("call_9", "get_weather", "{\"city\":\"Oslo\"}");

    static Stream<Arguments> requests() {
        Map<String, JsonNode> extensions = new LinkedHashMap<>();
        extensions.put("logprobs", node("true"));
        extensions.put("top_logprobs", node("3"));
        extensions.put("presence_penalty", node("0.5"));
        extensions.put("logit_bias", node("{'50256':-100}"));
        extensions.put("service_tier", node("'flex'"));
        extensions.put("chat_template_kwargs", node("{'enable_thinking':false}"));
        ChatRequest rich = ChatRequest.builder("gpt-4o-mini")
                .messages(List.of(
                        new SystemMessage("You are terse.", "ops", false),
                        new SystemMessage("Answer in French.", null, true),
                        new UserMessage(
                                new MessageContent.Parts(List.of(
                                        new ContentPart.TextPart("What is shown?"),
                                        new ContentPart.ImagePart("https://example.com/cat.png", "high"),
                                        new ContentPart.ImagePart("data:image/jpeg;base64,/9j/4AAQ", null),
                                        new ContentPart.OtherPart(
                                                "file", node("{'type':'file','file':{'file_id':'file-abc'}}")))),
                                "ann"),
                        AssistantMessage.ofToolCalls(List.of(CALL)),
                        new AssistantMessage("", List.of(CALL), null, null),
                        new AssistantMessage("Checking.", List.of(CALL), "bot", null),
                        new ToolMessage("call_9", "{\"temp\":3}"),
                        new AssistantMessage(null, List.of(), null, "I can't help with that."),
                        AssistantMessage.of(""),
                        UserMessage.of("Thanks")))
                .stream(true)
                .includeUsage(true)
                .maxTokens(256)
                .maxCompletionTokens(512)
                .temperature(0.7)
                .topP(0.95)
                .stop(List.of("\n\n", "END"))
                .seed(1234567890123L)
                .user("user-77")
                .tools(List.of(
                        new Tool(
                                "get_weather",
                                "Current weather",
                                node("{'type':'object','properties':{'city':"
                                        + "{'type':'string'}},'required':['city']}"),
                                true),
                        new Tool("noop", null, null, null)))
                .toolChoice(ToolChoice.function("get_weather"))
                .parallelToolCalls(true)
                .responseFormat(new ResponseFormat(
                        ResponseFormat.Type.JSON_SCHEMA, "weather", node("{'type':'object','minimum':1.5}"), false))
                .extensions(extensions)
                .build();
        return Stream.of(
                Arguments.of("minimal", ChatRequest.of("m", List.of(UserMessage.of("hi")))),
                Arguments.of("rich", rich),
                Arguments.of(
                        "required tools, json object, no stream",
                        rich.toBuilder().stream(false)
                                .includeUsage(false)
                                .toolChoice(ToolChoice.REQUIRED)
                                .responseFormat(ResponseFormat.JSON_OBJECT)
                                .build()),
                Arguments.of(
                        "stream without usage, text format, no tool choice",
                        rich.toBuilder()
                                .includeUsage(false)
                                .toolChoice(ToolChoice.NONE)
                                .responseFormat(ResponseFormat.TEXT)
                                .build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requests")
    void readsBackWhatItWrites(String name, ChatRequest request) {
        assertThat(ChatJson.readRequest(ChatJson.writeRequest(request))).isEqualTo(request);
    }

    @Test
    void writesOpenAiShape() throws Exception {
        ChatRequest request = ChatRequest.builder("llama")
                .messages(List.of(
                        new SystemMessage("d", null, true),
                        AssistantMessage.ofToolCalls(List.of(CALL)),
                        new ToolMessage("call_9", "3")))
                .stream(true)
                .temperature(0.2)
                .extensions(Map.of("n", node("1")))
                .build();

        JsonNode written = JSON.readTree(ChatJson.writeRequest(request));

        assertThat(written)
                .isEqualTo(JSON.readTree(q("{'model':'llama','messages':["
                        + "{'role':'developer','content':'d'},"
                        + "{'role':'assistant','content':null,'tool_calls':[{'id':'call_9','type':'function',"
                        + "'function':{'name':'get_weather','arguments':'{\\'city\\':\\'Oslo\\'}'}}]},"
                        + "{'role':'tool','tool_call_id':'call_9','content':'3'}],"
                        + "'stream':true,'stream_options':{'include_usage':false},'temperature':0.2,'n':1}")));
    }

    @Test
    void writesExtensionsAfterKnownFieldsInTheirOrder() throws Exception {
        Map<String, JsonNode> extensions = new LinkedHashMap<>();
        extensions.put("z_first", node("1"));
        extensions.put("a_second", node("2"));
        extensions.put("model", node("'not me'"));
        ChatRequest request = ChatRequest.builder("m")
                .messages(List.of(UserMessage.of("hi")))
                .extensions(extensions)
                .build();

        JsonNode written = JSON.readTree(ChatJson.writeRequest(request));

        assertThat(written.fieldNames()).toIterable().containsExactly("model", "messages", "z_first", "a_second");
        assertThat(written.get("model").asText()).isEqualTo("m");
    }
}
