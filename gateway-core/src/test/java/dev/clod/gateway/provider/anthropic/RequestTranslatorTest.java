package dev.clod.gateway.provider.anthropic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

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
import dev.clod.gateway.provider.translation.UntranslatableRequestException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** How the gateway's requests become Messages API requests, case by case. */
class RequestTranslatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Tool WEATHER = new Tool("get_weather", null, json("{\"type\":\"object\"}"), null);

    static Stream<Arguments> toolChoices() {
        return Stream.of(
                arguments(null, null, null),
                arguments(ToolChoice.AUTO, null, "{\"type\":\"auto\"}"),
                arguments(ToolChoice.NONE, null, "{\"type\":\"none\"}"),
                arguments(ToolChoice.REQUIRED, null, "{\"type\":\"any\"}"),
                arguments(ToolChoice.function("get_weather"), null, "{\"type\":\"tool\",\"name\":\"get_weather\"}"),
                arguments(null, true, null),
                arguments(null, false, "{\"type\":\"auto\",\"disable_parallel_tool_use\":true}"),
                arguments(ToolChoice.REQUIRED, false, "{\"type\":\"any\",\"disable_parallel_tool_use\":true}"),
                arguments(
                        ToolChoice.function("get_weather"),
                        false,
                        "{\"type\":\"tool\",\"name\":\"get_weather\",\"disable_parallel_tool_use\":true}"),
                // With "none" nothing is called, and Anthropic refuses the flag there.
                arguments(ToolChoice.NONE, false, "{\"type\":\"none\"}"));
    }

    @ParameterizedTest(name = "{0}, parallel {1} -> {2}")
    @MethodSource("toolChoices")
    void mapsToolChoiceAndParallelCalls(ToolChoice choice, Boolean parallel, String expected) {
        JsonNode body = body(ChatRequest.builder("m")
                .messages(List.of(UserMessage.of("hi")))
                .tools(List.of(WEATHER))
                .toolChoice(choice)
                .parallelToolCalls(parallel)
                .build());

        if (expected == null) {
            assertThat(body.has("tool_choice")).isFalse();
        } else {
            assertThat(body.get("tool_choice")).isEqualTo(json(expected));
        }
    }

    @Test
    void withoutToolsAToolChoiceIsNotSent() {
        JsonNode body = body(ChatRequest.builder("m")
                .messages(List.of(UserMessage.of("hi")))
                .toolChoice(ToolChoice.REQUIRED)
                .build());

        assertThat(body.has("tools")).isFalse();
        assertThat(body.has("tool_choice")).isFalse();
    }

    @Test
    void maxTokensIsRequiredSoADefaultStandsInAndTheNewerFieldWins() {
        assertThat(body(ChatRequest.of("m", List.of(UserMessage.of("hi"))))
                        .get("max_tokens")
                        .asInt())
                .isEqualTo(RequestTranslator.DEFAULT_MAX_TOKENS);
        ChatRequest both = ChatRequest.builder("m")
                .messages(List.of(UserMessage.of("hi")))
                .maxTokens(50)
                .maxCompletionTokens(70)
                .build();
        assertThat(body(both).get("max_tokens").asInt()).isEqualTo(70);
    }

    @Test
    void everySystemAndDeveloperMessageGoesToTheSystemPromptInOrder() {
        JsonNode body = body(ChatRequest.of(
                "m",
                List.of(
                        SystemMessage.of("Be brief."),
                        UserMessage.of("hi"),
                        new SystemMessage("Answer in French.", null, true),
                        UserMessage.of("again"))));

        assertThat(body.get("system"))
                .isEqualTo(json("[{\"type\":\"text\",\"text\":\"Be brief.\"},"
                        + "{\"type\":\"text\",\"text\":\"Answer in French.\"}]"));
        // Without the instructions between them, the two user messages are one turn.
        assertThat(body.get("messages"))
                .isEqualTo(json("[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"hi\"},"
                        + "{\"type\":\"text\",\"text\":\"again\"}]}]"));
    }

    @Test
    void toolResultsOpenTheUserTurnThatCarriesThem() {
        List<ChatMessage> messages = List.of(
                UserMessage.of("weather?"),
                AssistantMessage.ofToolCalls(List.of(new ToolCall("call_1", "get_weather", "{\"city\":\"Paris\"}"))),
                new ToolMessage("call_1", "18 degrees"),
                UserMessage.of("and tomorrow?"));

        JsonNode turns = body(ChatRequest.of("m", messages)).get("messages");

        assertThat(turns).hasSize(3);
        assertThat(turns.get(1))
                .isEqualTo(json("{\"role\":\"assistant\",\"content\":[{\"type\":\"tool_use\",\"id\":\"call_1\","
                        + "\"name\":\"get_weather\",\"input\":{\"city\":\"Paris\"}}]}"));
        assertThat(turns.get(2))
                .isEqualTo(json("{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"call_1\","
                        + "\"content\":\"18 degrees\"},{\"type\":\"text\",\"text\":\"and tomorrow?\"}]}"));
    }

    @Test
    void idsAnthropicWouldRefuseAreMadeValidAlikeInTheCallAndItsResult() {
        List<ChatMessage> messages = List.of(
                UserMessage.of("weather?"),
                AssistantMessage.ofToolCalls(List.of(new ToolCall("fc:1/abc", "get_weather", "{}"))),
                new ToolMessage("fc:1/abc", "sunny"));

        JsonNode turns = body(ChatRequest.of("m", messages)).get("messages");

        assertThat(turns.at("/1/content/0/id").asText()).isEqualTo("fc_1_abc");
        assertThat(turns.at("/2/content/0/tool_use_id").asText()).isEqualTo("fc_1_abc");
    }

    @Test
    void anAssistantMessageWithNothingInItIsLeftOut() {
        JsonNode turns = body(ChatRequest.of(
                        "m", List.of(UserMessage.of("hi"), AssistantMessage.of(""), UserMessage.of("hello?"))))
                .get("messages");

        assertThat(turns).hasSize(1);
        assertThat(turns.at("/0/content")).hasSize(2);
    }

    @Test
    void imagesBecomeBase64OrUrlSources() {
        JsonNode content = body(ChatRequest.of(
                        "m",
                        List.of(parts(
                                new ContentPart.ImagePart("data:image/jpeg;base64,/9j/4AAQ", "high"),
                                new ContentPart.ImagePart("https://example.com/a.webp", null)))))
                .at("/messages/0/content");

        assertThat(content)
                .isEqualTo(json("[{\"type\":\"image\",\"source\":{\"type\":\"base64\",\"media_type\":\"image/jpeg\","
                        + "\"data\":\"/9j/4AAQ\"}},{\"type\":\"image\",\"source\":{\"type\":\"url\","
                        + "\"url\":\"https://example.com/a.webp\"}}]"));
    }

    static Stream<Arguments> untranslatable() {
        return Stream.of(
                arguments(
                        "an image type Anthropic does not take",
                        ChatRequest.of(
                                "m", List.of(parts(new ContentPart.ImagePart("data:image/bmp;base64,Qk0=", null)))),
                        "messages[0].content[0].image_url.url"),
                arguments(
                        "an image that is neither http(s) nor data",
                        ChatRequest.of("m", List.of(parts(new ContentPart.ImagePart("ftp://example.com/a.png", null)))),
                        "messages[0].content[0].image_url.url"),
                arguments(
                        "a data URL that is not base64",
                        ChatRequest.of("m", List.of(parts(new ContentPart.ImagePart("data:image/png,abc", null)))),
                        "messages[0].content[0].image_url.url"),
                arguments(
                        "an audio part",
                        ChatRequest.of(
                                "m",
                                List.of(parts(
                                        new ContentPart.TextPart("listen"),
                                        new ContentPart.OtherPart("input_audio", json("{\"type\":\"input_audio\"}"))))),
                        "messages[0].content[1]"),
                arguments(
                        "a tool result that answers no call",
                        ChatRequest.of("m", List.of(UserMessage.of("hi"), new ToolMessage("call_x", "42"))),
                        "messages[1].tool_call_id"),
                arguments(
                        "replayed arguments that are not JSON",
                        ChatRequest.of(
                                "m",
                                List.of(
                                        UserMessage.of("hi"),
                                        AssistantMessage.ofToolCalls(
                                                List.of(new ToolCall("c", "get_weather", "{\"city\": Par"))))),
                        "messages[1].tool_calls[0].function.arguments"),
                arguments(
                        "several choices",
                        ChatRequest.builder("m")
                                .messages(List.of(UserMessage.of("hi")))
                                .extensions(Map.of("n", json("2")))
                                .build(),
                        "n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("untranslatable")
    void refusesWhatTheMessagesApiCannotCarryNamingTheParameter(String name, ChatRequest request, String param) {
        assertThatThrownBy(() -> RequestTranslator.translate(request, false))
                .isInstanceOfSatisfying(UntranslatableRequestException.class, e -> assertThat(e.param())
                        .isEqualTo(param))
                .hasMessageStartingWith(param + ": ");
    }

    @Test
    void aJsonSchemaBecomesAForcedAnswerToolNamedAfterIt() {
        MessagesRequest translated = RequestTranslator.translate(
                ChatRequest.builder("m")
                        .messages(List.of(UserMessage.of("hi")))
                        .responseFormat(schema("report"))
                        .build(),
                false);

        assertThat(translated.answerTool()).isEqualTo("report");
        assertThat(translated.body().at("/tools/0/name").asText()).isEqualTo("report");
        assertThat(translated.body().at("/tools/0/input_schema"))
                .isEqualTo(schema("report").schema());
        assertThat(translated.body().get("tool_choice")).isEqualTo(json("{\"type\":\"tool\",\"name\":\"report\"}"));
    }

    @Test
    void aSchemaNameThatIsNoValidToolNameGetsTheDefault() {
        MessagesRequest translated = RequestTranslator.translate(
                ChatRequest.builder("m")
                        .messages(List.of(UserMessage.of("hi")))
                        .responseFormat(schema("weather report!"))
                        .build(),
                false);

        assertThat(translated.answerTool()).isEqualTo(ToolTranslator.DEFAULT_ANSWER_TOOL);
    }

    @Test
    void withTheCallersOwnToolsTheSchemaIsAskedForInTheSystemPrompt() {
        MessagesRequest translated = RequestTranslator.translate(
                ChatRequest.builder("m")
                        .messages(List.of(SystemMessage.of("Be brief."), UserMessage.of("hi")))
                        .tools(List.of(WEATHER))
                        .responseFormat(schema("report"))
                        .build(),
                false);

        assertThat(translated.answerTool()).isNull();
        assertThat(translated.body().get("tools")).hasSize(1);
        assertThat(translated.body().has("tool_choice")).isFalse();
        assertThat(translated.body().at("/system/0/text").asText()).isEqualTo("Be brief.");
        assertThat(translated.body().at("/system/1/text").asText())
                .contains("JSON schema")
                .contains(schema("report").schema().toString());
    }

    @Test
    void jsonObjectOutputIsAskedForInTheSystemPrompt() {
        JsonNode body = body(ChatRequest.builder("m")
                .messages(List.of(UserMessage.of("hi")))
                .responseFormat(ResponseFormat.JSON_OBJECT)
                .build());

        assertThat(body.get("system").asText()).isEqualTo(ToolTranslator.JSON_OBJECT_INSTRUCTION);
        assertThat(body.has("tools")).isFalse();
    }

    @Test
    void aFunctionWithoutParametersTakesAnEmptyObject() {
        JsonNode body = body(ChatRequest.builder("m")
                .messages(List.of(UserMessage.of("hi")))
                .tools(List.of(new Tool("now", "The time", null, null)))
                .build());

        assertThat(body.get("tools"))
                .isEqualTo(json("[{\"name\":\"now\",\"description\":\"The time\","
                        + "\"input_schema\":{\"type\":\"object\",\"properties\":{}}}]"));
    }

    @Test
    void seedAndExtensionsHaveNoPlaceAndAreNotSent() {
        JsonNode body = body(ChatRequest.builder("m")
                .messages(List.of(UserMessage.of("hi")))
                .seed(7L)
                .extensions(Map.of("logprobs", json("true")))
                .build());

        assertThat(body.has("seed")).isFalse();
        assertThat(body.has("logprobs")).isFalse();
    }

    private static UserMessage parts(ContentPart... parts) {
        return new UserMessage(new MessageContent.Parts(List.of(parts)), null);
    }

    private static ResponseFormat schema(String name) {
        return new ResponseFormat(
                ResponseFormat.Type.JSON_SCHEMA,
                name,
                json("{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"}}}"),
                true);
    }

    private static JsonNode body(ChatRequest request) {
        return RequestTranslator.translate(request, false).body();
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
