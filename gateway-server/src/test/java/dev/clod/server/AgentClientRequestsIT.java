package dev.clod.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The requests of the tools that are configured rather than programmed (OpenClaw, Roo Code, Kilo Code,
 * n8n), replayed against the embedded demo catalog with the settings docs/integrations gives them. The
 * bodies under {@code client-requests/} follow what those tools send on the wire (see the fields named in
 * each test); what every OpenAI client shares (h2c, the forms of a replayed tool call, streaming by the
 * body) is in HttpApiIT.
 */
class AgentClientRequestsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private static RunningServer server;

    @BeforeAll
    static void start() {
        server = RunningServer.embeddedDefault();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** docs/integrations/openclaw.md: contextWindow and maxTokens come from /v1/models. */
    @Test
    void openClawsAgentTurnWithTheModelsOwnOutputLimitStreamsAToolCallAndUsage() throws Exception {
        JsonNode llama = model("llama-3.1-8b");
        ObjectNode body = request("openclaw-agent-turn.json");
        // OpenClaw sends the configured maxTokens as max_completion_tokens on every call.
        body.put("max_completion_tokens", llama.get("max_output_tokens").asInt());

        HttpResponse<String> response = post(body, openClawHeaders());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValue("text/event-stream");
        assertThat(response.headers().firstValue("x-clod-strategy")).hasValue("price");
        Stream stream = Stream.parse(response.body());
        assertThat(stream.finishReason()).isEqualTo("tool_calls");
        assertThat(stream.toolCalls()).singleElement().satisfies(call -> assertValidCall(call, body));
        assertThat(stream.usage().get("completion_tokens").asInt()).isPositive();
    }

    @Test
    void openClawsTurnAfterAToolResultIsAnsweredFromIt() throws Exception {
        HttpResponse<String> response = post(request("openclaw-tool-result.json"), openClawHeaders());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Stream stream = Stream.parse(response.body());
        assertThat(stream.finishReason()).isEqualTo("stop");
        assertThat(stream.text()).contains("Lyon today: light rain from 14:00, 12 degrees");
    }

    /** docs/integrations/openclaw.md: the strategy by header, for a model id without a tag. */
    @Test
    void openClawsProviderHeaderChoosesTheStrategy() throws Exception {
        ObjectNode body = request("openclaw-agent-turn.json");
        body.put("model", "llama-3.1-8b");
        Map<String, String> headers = new LinkedHashMap<>(openClawHeaders());
        headers.put("x-clod-strategy", "latency");

        HttpResponse<String> response = post(body, headers);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("x-clod-strategy")).hasValue("latency");
        assertThat(response.headers().firstValue("x-clod-route").orElseThrow()).startsWith("strategy=latency;");
    }

    /** docs/integrations/openclaw.md: why maxTokens must not exceed the model's max_output_tokens. */
    @Test
    void aMaxTokensAboveTheModelsLimitIsRefusedNamingTheField() throws Exception {
        ObjectNode body = request("openclaw-agent-turn.json");
        body.put(
                "max_completion_tokens",
                model("llama-3.1-8b").get("max_output_tokens").asInt() + 1);

        HttpResponse<String> response = post(body, openClawHeaders());

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = JSON.readTree(response.body()).get("error");
        assertThat(error.get("param").asText()).isEqualTo("max_completion_tokens");
        assertThat(error.get("message").asText()).contains("8192");
    }

    /** docs/integrations/roo-code.md and kilo-code.md: the model list is read from /v1/models by id. */
    @Test
    void rooAndKiloListTheModelIds() throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(server.baseUrl() + "/models"))
                        .header("authorization", "Bearer " + RunningServer.USER_KEY)
                        .header("http-referer", "https://github.com/RooVetGit/Roo-Cline")
                        .header("x-title", "Roo Code")
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        JSON.readTree(response.body())
                .get("data")
                .forEach(model -> ids.add(model.get("id").asText()));
        assertThat(ids).contains("llama-3.1-8b", "deepseek-v3", "minimax-m2.5");
    }

    /** docs/integrations/roo-code.md: text parts, strict tools, parallel_tool_calls false, the strategy header. */
    @Test
    void rooCodesTurnStreamsAToolCallOnTheStrategyOfItsCustomHeader() throws Exception {
        ObjectNode body = request("roo-code-turn.json");

        HttpResponse<String> response = post(body, rooHeaders("Roo Code"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("x-clod-strategy")).hasValue("tokenrate");
        assertThat(response.headers().firstValue("x-clod-route").orElseThrow()).startsWith("strategy=tokenrate;");
        Stream stream = Stream.parse(response.body());
        assertThat(stream.toolCalls()).singleElement().satisfies(call -> assertValidCall(call, body));
        assertThat(stream.usage().get("prompt_tokens").asInt()).isPositive();
    }

    @Test
    void rooCodesTurnAfterAToolResultIsAnsweredFromIt() throws Exception {
        HttpResponse<String> response = post(request("roo-code-tool-result.json"), rooHeaders("Roo Code"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(Stream.parse(response.body()).text()).contains("list_files returned main/");
    }

    /** docs/integrations/kilo-code.md: the same handler as Roo Code, with max_tokens when it is turned on. */
    @Test
    void kiloCodesTurnWithMaxTokensStreamsAToolCall() throws Exception {
        ObjectNode body = request("kilo-code-turn.json");

        HttpResponse<String> response = post(body, rooHeaders("Kilo Code"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("x-clod-model")).hasValue("deepseek-v3");
        assertThat(response.headers().firstValue("x-clod-strategy")).hasValue("tokenrate");
        assertThat(Stream.parse(response.body()).toolCalls())
                .singleElement()
                .satisfies(call -> assertValidCall(call, body));
    }

    /**
     * docs/integrations/n8n.md: the credential's connection test lists the models (with an empty
     * OpenAI-Organization header when the field is left blank), and the agent's model calls carry the
     * credential's custom header.
     */
    @Test
    void n8nsCredentialTestAndAgentTurnAreAccepted() throws Exception {
        HttpResponse<String> test = HTTP.send(
                HttpRequest.newBuilder(URI.create(server.baseUrl() + "/models"))
                        .header("authorization", "Bearer " + RunningServer.USER_KEY)
                        .header("openai-organization", "")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        ObjectNode body = request("n8n-agent-turn.json");

        HttpResponse<String> turn = post(body, Map.of("x-clod-strategy", "tokenrate"));

        assertThat(test.statusCode()).isEqualTo(200);
        assertThat(turn.statusCode()).as(turn.body()).isEqualTo(200);
        assertThat(turn.headers().firstValue("x-clod-strategy")).hasValue("tokenrate");
        JsonNode message = JSON.readTree(turn.body()).at("/choices/0/message");
        assertThat(message.get("tool_calls")).hasSize(1);
        JsonNode call = message.get("tool_calls").get(0).get("function");
        assertValidCall(
                new ToolCall(call.get("name").asText(), call.get("arguments").asText()), body);
    }

    /** The call names an offered tool, and its arguments are an object with every required property. */
    private static void assertValidCall(ToolCall call, JsonNode request) {
        JsonNode tool = null;
        for (JsonNode offered : request.get("tools")) {
            if (offered.at("/function/name").asText().equals(call.name())) {
                tool = offered.get("function");
            }
        }
        assertThat(tool).as("tool %s offered", call.name()).isNotNull();
        JsonNode arguments;
        try {
            arguments = JSON.readTree(call.arguments());
        } catch (IOException e) {
            throw new AssertionError("arguments are not JSON: " + call.arguments(), e);
        }
        assertThat(arguments.isObject()).as(call.arguments()).isTrue();
        for (JsonNode required : tool.at("/parameters/required")) {
            assertThat(arguments.has(required.asText()))
                    .as("%s has %s", call.arguments(), required)
                    .isTrue();
        }
    }

    private static Map<String, String> openClawHeaders() {
        // openai-node's defaults and OpenClaw's trace header; OpenClaw asks for JSON even when streaming.
        return Map.of(
                "accept", "application/json",
                "x-stainless-lang", "js",
                "x-stainless-retry-count", "0",
                "traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
    }

    private static Map<String, String> rooHeaders(String title) {
        // The extension's default headers, and the strategy entered under "Custom Headers".
        return Map.of(
                "http-referer", "https://github.com/RooVetGit/Roo-Cline",
                "x-title", title,
                "x-stainless-lang", "js",
                "x-clod-strategy", "tokenrate");
    }

    private static JsonNode model(String id) throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(server.baseUrl() + "/models"))
                        .header("authorization", "Bearer " + RunningServer.USER_KEY)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        for (JsonNode model : JSON.readTree(response.body()).get("data")) {
            if (model.get("id").asText().equals(id)) {
                return model;
            }
        }
        throw new AssertionError("no model " + id + " in " + response.body());
    }

    private static ObjectNode request(String name) {
        try (InputStream in = AgentClientRequestsIT.class.getResourceAsStream("/client-requests/" + name)) {
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HttpResponse<String> post(JsonNode body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/chat/completions"))
                .header("authorization", "Bearer " + RunningServer.USER_KEY)
                .header("content-type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    record ToolCall(String name, String arguments) {}

    /** A streamed answer put back together: its text, tool calls, finish reason and usage. */
    record Stream(String text, List<ToolCall> toolCalls, String finishReason, JsonNode usage) {

        static Stream parse(String body) throws IOException {
            StringBuilder text = new StringBuilder();
            Map<Integer, String> names = new LinkedHashMap<>();
            Map<Integer, StringBuilder> arguments = new LinkedHashMap<>();
            String finishReason = null;
            JsonNode usage = null;
            for (String line : body.split("\n")) {
                if (!line.startsWith("data: ") || line.equals("data: [DONE]")) {
                    continue;
                }
                JsonNode event = JSON.readTree(line.substring("data: ".length()));
                if (event.hasNonNull("usage")) {
                    usage = event.get("usage");
                }
                for (JsonNode choice : event.get("choices")) {
                    text.append(choice.at("/delta/content").asText(""));
                    for (JsonNode call : choice.at("/delta/tool_calls")) {
                        int index = call.get("index").asInt();
                        if (call.at("/function/name").isTextual()) {
                            names.put(index, call.at("/function/name").asText());
                        }
                        arguments
                                .computeIfAbsent(index, i -> new StringBuilder())
                                .append(call.at("/function/arguments").asText(""));
                    }
                    if (choice.hasNonNull("finish_reason")) {
                        finishReason = choice.get("finish_reason").asText();
                    }
                }
            }
            List<ToolCall> calls = new ArrayList<>();
            names.forEach((index, name) ->
                    calls.add(new ToolCall(name, arguments.get(index).toString())));
            return new Stream(text.toString(), calls, finishReason, usage);
        }
    }
}
