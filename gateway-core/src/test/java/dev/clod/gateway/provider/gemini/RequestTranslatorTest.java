package dev.clod.gateway.provider.gemini;

import static dev.clod.gateway.provider.gemini.SchemaTranslatorTest.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clod.gateway.api.AssistantMessage;
import dev.clod.gateway.api.ChatMessage;
import dev.clod.gateway.api.ChatRequest;
import dev.clod.gateway.api.ContentPart;
import dev.clod.gateway.api.MessageContent;
import dev.clod.gateway.api.ResponseFormat;
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
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** How the gateway's requests become {@code generateContent} requests, case by case. */
class RequestTranslatorTest {

    private static final Tool WEATHER = new Tool(
            "get_weather", null, json("{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}}}"), null);

    static Stream<Arguments> toolChoices() {
        return Stream.of(
                arguments(null, null),
                arguments(ToolChoice.AUTO, "{\"mode\":\"AUTO\"}"),
                arguments(ToolChoice.NONE, "{\"mode\":\"NONE\"}"),
                arguments(ToolChoice.REQUIRED, "{\"mode\":\"ANY\"}"),
                arguments(
                        ToolChoice.function("get_weather"),
                        "{\"mode\":\"ANY\",\"allowedFunctionNames\":[\"get_weather\"]}"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("toolChoices")
    void mapsToolChoiceToTheFunctionCallingMode(ToolChoice choice, String expected) {
        JsonNode body = RequestTranslator.translate(ChatRequest.builder("m")
                .messages(List.of(UserMessage.of("hi")))
                .tools(List.of(WEATHER))
                .toolChoice(choice)
                .parallelToolCalls(false)
                .build());

        if (expected == null) {
            assertThat(body.has("toolConfig")).isFalse();
        } else {
            assertThat(body.at("/toolConfig/functionCallingConfig")).isEqualTo(json(expected));
        }
    }

    @Test
    void generationSettingsAndJsonOutputGoIntoTheGenerationConfig() {
        JsonNode body = RequestTranslator.translate(ChatRequest.builder("m")
                .messages(List.of(UserMessage.of("hi")))
                .temperature(0.2)
                .topP(0.9)
                .maxCompletionTokens(300)
                .stop(List.of("###", "END"))
                .seed(42L)
                .user("u-1")
                .responseFormat(ResponseFormat.JSON_OBJECT)
                .build());

        // Read back as it goes on the wire: a long seed and an int compare alike there.
        assertThat(json(body.get("generationConfig").toString()))
                .isEqualTo(json("{\"temperature\":0.2,\"topP\":0.9,\"maxOutputTokens\":300,\"stopSequences\":"
                        + "[\"###\",\"END\"],\"seed\":42,\"responseMimeType\":\"application/json\"}"));
        assertThat(body.has("user")).isFalse();
    }

    @Test
    void toolResultsAreNamedByTheirCallAndOrderedAsTheCallsWere() {
        List<ChatMessage> messages = List.of(
                UserMessage.of("Weather and time in Paris?"),
                AssistantMessage.ofToolCalls(List.of(
                        new ToolCall("call_a", "get_weather", "{\"city\":\"Paris\"}"),
                        new ToolCall("call_b", "get_time", "{\"timezone\":\"Europe/Paris\"}"))),
                // Answered in the other order, one as plain text and one as a JSON array.
                new ToolMessage("call_b", "[\"14:05\"]"),
                new ToolMessage("call_a", "sunny"));

        JsonNode contents =
                RequestTranslator.translate(ChatRequest.of("m", messages)).get("contents");

        assertThat(contents.get(2))
                .isEqualTo(json("{\"role\":\"user\",\"parts\":["
                        + "{\"functionResponse\":{\"name\":\"get_weather\",\"response\":{\"output\":\"sunny\"}}},"
                        + "{\"functionResponse\":{\"name\":\"get_time\",\"response\":{\"output\":[\"14:05\"]}}}]}"));
    }

    @Test
    void theFirstCallOfEachModelTurnCarriesThePlaceholderSignature() {
        List<ChatMessage> messages = List.of(
                UserMessage.of("go"),
                AssistantMessage.ofToolCalls(List.of(new ToolCall("a", "step", "{}"), new ToolCall("b", "step", "{}"))),
                new ToolMessage("a", "{}"),
                new ToolMessage("b", "{}"),
                AssistantMessage.ofToolCalls(List.of(new ToolCall("c", "step", "{}"))),
                new ToolMessage("c", "{\"done\":true}"));

        JsonNode contents =
                RequestTranslator.translate(ChatRequest.of("m", messages)).get("contents");

        assertThat(contents.at("/1/parts/0/thoughtSignature").asText()).isEqualTo(ContentTranslator.SKIP_SIGNATURE);
        assertThat(contents.at("/1/parts/1").has("thoughtSignature")).isFalse();
        assertThat(contents.at("/3/parts/0/thoughtSignature").asText()).isEqualTo(ContentTranslator.SKIP_SIGNATURE);
        assertThat(contents.at("/4/parts/0/functionResponse/response")).isEqualTo(json("{\"done\":true}"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "https://example.com/photo.JPG?size=large, image/jpeg",
        "https://example.com/a.webp, image/webp",
        "https://generativelanguage.googleapis.com/v1beta/files/abc123, "
    })
    void imageUrlsBecomeFileDataWithTheTypeTheirNameGives(String url, String mimeType) {
        JsonNode part = RequestTranslator.translate(ChatRequest.of(
                        "m",
                        List.of(new UserMessage(
                                new MessageContent.Parts(List.of(new ContentPart.ImagePart(url, null))), null))))
                .at("/contents/0/parts/0/fileData");

        assertThat(part.path("fileUri").asText()).isEqualTo(url);
        assertThat(part.path("mimeType").asText(null)).isEqualTo(mimeType);
    }

    @Test
    void aFunctionWithoutPropertiesDeclaresNoParameters() {
        JsonNode body = RequestTranslator.translate(ChatRequest.builder("m")
                .messages(List.of(UserMessage.of("hi")))
                .tools(List.of(new Tool("now", "The time", json("{\"type\":\"object\",\"properties\":{}}"), null)))
                .build());

        assertThat(body.at("/tools/0/functionDeclarations/0"))
                .isEqualTo(json("{\"name\":\"now\",\"description\":\"The time\"}"));
    }

    static Stream<Arguments> untranslatable() {
        return Stream.of(
                arguments(
                        "a tool result that answers no call",
                        ChatRequest.of("m", List.of(UserMessage.of("hi"), new ToolMessage("call_x", "42"))),
                        "messages[1].tool_call_id"),
                arguments(
                        "a file part",
                        ChatRequest.of(
                                "m",
                                List.of(new UserMessage(
                                        new MessageContent.Parts(List.of(
                                                new ContentPart.OtherPart("file", json("{\"type\":\"file\"}")))),
                                        null))),
                        "messages[0].content[0]"),
                arguments(
                        "a recursive parameter schema",
                        ChatRequest.builder("m")
                                .messages(List.of(UserMessage.of("hi")))
                                .tools(List.of(new Tool(
                                        "tree",
                                        null,
                                        json("{\"type\":\"object\",\"properties\":{\"kids\":{\"type\":\"array\","
                                                + "\"items\":{\"$ref\":\"#\"}}}}"),
                                        null)))
                                .build(),
                        "tools[0].function.parameters"),
                arguments(
                        "several choices",
                        ChatRequest.builder("m")
                                .messages(List.of(UserMessage.of("hi")))
                                .extensions(Map.of("n", json("3")))
                                .build(),
                        "n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("untranslatable")
    void refusesWhatGeminiCannotCarryNamingTheParameter(String name, ChatRequest request, String param) {
        assertThatThrownBy(() -> RequestTranslator.translate(request))
                .isInstanceOfSatisfying(UntranslatableRequestException.class, e -> assertThat(e.param())
                        .isEqualTo(param));
    }
}
