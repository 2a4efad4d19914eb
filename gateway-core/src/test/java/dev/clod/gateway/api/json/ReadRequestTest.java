package dev.clod.gateway.api.json;

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
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Valid client bodies, each read into the request it means. */
class ReadRequestTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MSG = "'messages':[{'role':'user','content':'hi'}]";

    static Stream<Arguments> validBodies() {
        ChatRequest base = ChatRequest.of("m", List.of(UserMessage.of("hi")));
        Tool weather = new Tool("get_weather", "Weather now", node("{'type':'object'}"), true);
        return Stream.of(
                ok("minimal", q("{'model':'m'," + MSG + "}"), base),
                ok(
                        "nulls are absent",
                        q("{'model':'m'," + MSG + ",'temperature':null,'tools':null,'stop':null,'n':null,"
                                + "'stream_options':null,'user':null}"),
                        base),
                ok(
                        "sampling and limits",
                        q("{'model':'m'," + MSG + ",'max_tokens':100,'max_completion_tokens':200,'temperature':1,"
                                + "'top_p':0.5,'stop':'END','seed':-42,'user':'u-1','parallel_tool_calls':false}"),
                        base.toBuilder()
                                .maxTokens(100)
                                .maxCompletionTokens(200)
                                .temperature(1.0)
                                .topP(0.5)
                                .stop(List.of("END"))
                                .seed(-42L)
                                .user("u-1")
                                .parallelToolCalls(false)
                                .build()),
                ok(
                        "whole-valued decimal as a token limit",
                        q("{'model':'m'," + MSG + ",'max_tokens':64.0}"),
                        base.toBuilder().maxTokens(64).build()),
                ok(
                        "stream with usage",
                        q("{'model':'m'," + MSG + ",'stream':true,'stream_options':{'include_usage':true}}"),
                        base.toBuilder().stream(true).includeUsage(true).build()),
                ok(
                        "include_usage without a stream means nothing",
                        q("{'model':'m'," + MSG + ",'stream':false,'stream_options':{'include_usage':true}}"),
                        base),
                ok(
                        "system, developer, tool content as parts",
                        q("{'model':'m','messages':[{'role':'system','content':'Be brief.','name':'ops'},"
                                + "{'role':'developer','content':[{'type':'text','text':'a'},{'type':'text','text':'b'}]},"
                                + "{'role':'tool','tool_call_id':'call_1','content':[{'type':'text','text':'42'}]}]}"),
                        ChatRequest.of(
                                "m",
                                List.of(
                                        new SystemMessage("Be brief.", "ops", false),
                                        new SystemMessage("a\nb", null, true),
                                        new ToolMessage("call_1", "42")))),
                ok(
                        "user parts: text, image, other",
                        q(
                                "{'model':'m','messages':[{'role':'user','name':'ann','content':[{'type':'text','text':'What?'},"
                                        + "{'type':'image_url','image_url':{'url':'data:image/png;base64,AAAA','detail':'low'}},"
                                        + "{'type':'input_audio','input_audio':{'data':'UklG','format':'wav'}}]}]}"),
                        ChatRequest.of(
                                "m",
                                List.of(new UserMessage(
                                        new MessageContent.Parts(List.of(
                                                new ContentPart.TextPart("What?"),
                                                new ContentPart.ImagePart("data:image/png;base64,AAAA", "low"),
                                                new ContentPart.OtherPart(
                                                        "input_audio",
                                                        node(
                                                                "{'type':'input_audio','input_audio':{'data':'UklG',"
                                                                        + "'format':'wav'}}")))),
                                        "ann")))),
                ok(
                        "assistant tool-call turn: content absent, null or empty",
                        q("{'model':'m','messages':["
                                + "{'role':'assistant','tool_calls':[" + call("a") + "]},"
                                + "{'role':'assistant','content':null,'tool_calls':[" + call("b") + "]},"
                                + "{'role':'assistant','content':'','tool_calls':[" + call("c") + "]}]}"),
                        ChatRequest.of(
                                "m",
                                List.of(
                                        AssistantMessage.ofToolCalls(
                                                List.of(new ToolCall("a", "get_weather", "{\"city\":\"Oslo\"}"))),
                                        AssistantMessage.ofToolCalls(
                                                List.of(new ToolCall("b", "get_weather", "{\"city\":\"Oslo\"}"))),
                                        AssistantMessage.ofToolCalls(
                                                List.of(new ToolCall("c", "get_weather", "{\"city\":\"Oslo\"}")))))),
                ok(
                        "assistant refusal and text parts",
                        q("{'model':'m','messages':[{'role':'assistant','content':[{'type':'text','text':'No.'},"
                                + "{'type':'refusal','refusal':'Not allowed'}]}]}"),
                        ChatRequest.of("m", List.of(new AssistantMessage("No.", List.of(), null, "Not allowed")))),
                ok(
                        "tools, named choice, json schema",
                        q("{'model':'m'," + MSG + ",'tools':[{'type':'function','function':{'name':'get_weather',"
                                + "'description':'Weather now','parameters':{'type':'object'},'strict':true}}],"
                                + "'tool_choice':{'type':'function','function':{'name':'get_weather'}},"
                                + "'response_format':{'type':'json_schema','json_schema':{'name':'w','schema':"
                                + "{'type':'object'},'strict':true}}}"),
                        base.toBuilder()
                                .tools(List.of(weather))
                                .toolChoice(ToolChoice.function("get_weather"))
                                .responseFormat(new ResponseFormat(
                                        ResponseFormat.Type.JSON_SCHEMA, "w", node("{'type':'object'}"), true))
                                .build()),
                ok(
                        "tool_choice auto without tools is tolerated",
                        q("{'model':'m'," + MSG + ",'tool_choice':'auto','response_format':{'type':'json_object'}}"),
                        base.toBuilder()
                                .toolChoice(ToolChoice.AUTO)
                                .responseFormat(ResponseFormat.JSON_OBJECT)
                                .build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validBodies")
    void readsValidBodies(String name, String body, ChatRequest expected) {
        assertThat(ChatJson.readRequest(body.getBytes(StandardCharsets.UTF_8))).isEqualTo(expected);
    }

    @Test
    void keepsUnknownFieldsInArrivalOrder() {
        String body =
                q("{'top_logprobs':2,'model':'m','n':1," + MSG + ",'metadata':{'k':'v'},'logit_bias':{'50256':-100},"
                        + "'reasoning_effort':'low','provider':{'order':['groq']}}");

        ChatRequest request = ChatJson.readRequest(body.getBytes(StandardCharsets.UTF_8));

        Map<String, JsonNode> expected = new LinkedHashMap<>();
        expected.put("top_logprobs", node("2"));
        expected.put("n", node("1"));
        expected.put("metadata", node("{'k':'v'}"));
        expected.put("logit_bias", node("{'50256':-100}"));
        expected.put("reasoning_effort", node("'low'"));
        expected.put("provider", node("{'order':['groq']}"));
        assertThat(request.extensions()).containsExactlyEntriesOf(expected);
    }

    private static String call(String id) {
        return "{'id':'" + id + "','type':'function','function':{'name':'get_weather',"
                + "'arguments':'{\\'city\\':\\'Oslo\\'}'}}";
    }

    private static Arguments ok(String name, String body, ChatRequest expected) {
        return Arguments.of(name, body, expected);
    }

    static JsonNode node(String json) {
        try {
            return JSON.readTree(q(json));
        } catch (Exception e) {
            throw new IllegalArgumentException(json, e);
        }
    }

    static String q(String json) {
        return json.replace('\'', '"');
    }
}
