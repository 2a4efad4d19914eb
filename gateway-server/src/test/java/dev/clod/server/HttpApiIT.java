package dev.clod.server;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The HTTP API as a plain HTTP client sees it: routing headers, streaming, every error's shape. */
class HttpApiIT {

    @RegisterExtension
    static WireMockExtension upstream = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private static RunningServer server;

    @BeforeAll
    static void start() {
        server = RunningServer.withCatalog("/test-catalog.yaml", Map.of("UPSTREAM_URL", upstream.baseUrl() + "/v1"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void resetUpstream() {
        upstream.resetAll();
    }

    static Stream<Arguments> strategies() {
        return Stream.of(
                arguments("test-llama@price", "sim-cheap"),
                arguments("test-llama@tokenrate", "sim-fast"),
                arguments("test-llama@latency", "sim-quick"),
                arguments("Test Llama@cost", "sim-cheap"),
                arguments("TL@nitro", "sim-fast"),
                arguments("test-llama:latency", "sim-quick"),
                arguments("test-llama@price@latency", "sim-quick"),
                arguments("test-llama@latency@price", "sim-quick"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("strategies")
    void theStrategyPicksTheDeployment(String model, String provider) throws Exception {
        HttpResponse<String> response = chat(body(model, "Hello"), Map.of());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("x-clod-provider")).hasValue(provider);
        assertThat(response.headers().firstValue("x-clod-model")).hasValue("test-llama");
        assertThat(response.headers().firstValue("x-clod-route").orElseThrow())
                .contains("chosen=test-llama/" + provider);
        assertThat(response.headers().firstValue("x-request-id")).isPresent();
        JsonNode answer = JSON.readTree(response.body());
        assertThat(answer.get("object").asText()).isEqualTo("chat.completion");
        assertThat(answer.get("model").asText()).isEqualTo("test-llama");
        assertThat(answer.get("id").asText())
                .isEqualTo("chatcmpl-"
                        + response.headers().firstValue("x-request-id").orElseThrow());
        assertThat(answer.at("/choices/0/message/content").asText()).contains("Hello");
        assertThat(answer.at("/usage/total_tokens").asInt()).isPositive();
        assertThat(new java.math.BigDecimal(
                        response.headers().firstValue("x-clod-cost-usd").orElseThrow()))
                .isPositive();
    }

    @Test
    void theStrategyHeaderServesClientsThatCannotTagTheModel() throws Exception {
        HttpResponse<String> response = chat(body("test-llama", "Hello"), Map.of("x-clod-strategy", "tokenrate"));

        assertThat(response.headers().firstValue("x-clod-provider")).hasValue("sim-fast");
        assertThat(response.headers().firstValue("x-clod-strategy")).hasValue("tokenrate");
    }

    @Test
    void theSiteOfTheDeploymentIsNamed() throws Exception {
        HttpResponse<String> response = chat(body("test-llama@price", "Hello"), Map.of());

        assertThat(response.headers().firstValue("x-clod-site")).hasValue("chicago");
    }

    static Stream<Arguments> badRequests() {
        return Stream.of(
                arguments("{not json", 400, "invalid_request_error", null, null),
                arguments("[]", 400, "invalid_request_error", null, null),
                arguments(
                        "{\"model\": 42, \"messages\": [{\"role\":\"user\",\"content\":\"hi\"}]}",
                        400,
                        "invalid_request_error",
                        "model",
                        null),
                arguments(
                        "{\"model\": \"test-llama\", \"messages\": \"hi\"}",
                        400,
                        "invalid_request_error",
                        "messages",
                        null),
                arguments(
                        "{\"model\": \"test-llama\", \"messages\": [{\"role\":\"user\",\"content\":\"hi\"}],"
                                + " \"temperature\": \"hot\"}",
                        400,
                        "invalid_request_error",
                        "temperature",
                        null),
                arguments(
                        "{\"model\": \"test-llama@cheap\", \"messages\": [{\"role\":\"user\",\"content\":\"hi\"}]}",
                        400,
                        "invalid_request_error",
                        "model",
                        null),
                arguments(
                        "{\"model\": \"test-llama@\", \"messages\": [{\"role\":\"user\",\"content\":\"hi\"}]}",
                        400,
                        "invalid_request_error",
                        "model",
                        null),
                arguments(
                        "{\"model\": \"nope\", \"messages\": [{\"role\":\"user\",\"content\":\"hi\"}]}",
                        404,
                        "invalid_request_error",
                        "model",
                        "model_not_found"),
                arguments(
                        "{\"model\": \"test-llama\", \"max_tokens\": 5000, \"messages\":"
                                + " [{\"role\":\"user\",\"content\":\"hi\"}]}",
                        400,
                        "invalid_request_error",
                        "max_tokens",
                        null),
                arguments(
                        "{\"model\": \"test-llama\", \"max_completion_tokens\": 5000, \"messages\":"
                                + " [{\"role\":\"user\",\"content\":\"hi\"}]}",
                        400,
                        "invalid_request_error",
                        "max_completion_tokens",
                        null),
                arguments(
                        "{\"model\": \"needs-key\", \"messages\": [{\"role\":\"user\",\"content\":\"hi\"}]}",
                        503,
                        "service_unavailable",
                        "model",
                        "model_unavailable"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("badRequests")
    void badInputGetsAnErrorInOpenAisShape(String body, int status, String type, String param, String code)
            throws Exception {
        HttpResponse<String> response = chat(body, Map.of());

        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
        JsonNode error = JSON.readTree(response.body()).get("error");
        assertThat(error.get("message").asText()).isNotBlank();
        assertThat(error.get("type").asText()).isEqualTo(type);
        assertThat(error.has("param")).isTrue();
        assertThat(error.has("code")).isTrue();
        if (param != null) {
            assertThat(error.get("param").asText()).isEqualTo(param);
        }
        if (code != null) {
            assertThat(error.get("code").asText()).isEqualTo(code);
        }
    }

    @Test
    void anUnknownTagIsNamedWithTheValidOnes() throws Exception {
        JsonNode error = JSON.readTree(
                        chat(body("test-llama@cheap", "hi"), Map.of()).body())
                .get("error");

        assertThat(error.get("message").asText())
                .contains("'cheap'")
                .contains("price")
                .contains("tokenrate");
    }

    @Test
    void anUnknownModelListsTheKnownOnes() throws Exception {
        JsonNode error =
                JSON.readTree(chat(body("nope", "hi"), Map.of()).body()).get("error");

        assertThat(error.get("message").asText()).contains("'nope'").contains("test-llama");
    }

    @Test
    void missingOrWrongKeysAre401() throws Exception {
        HttpResponse<String> none = HTTP.send(
                HttpRequest.newBuilder(URI.create(server.baseUrl() + "/models")).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> wrong = HTTP.send(
                HttpRequest.newBuilder(URI.create(server.baseUrl() + "/models"))
                        .header("authorization", "Bearer sk-wrong-key-123456")
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(wrong.statusCode()).isEqualTo(401);
        JsonNode error = JSON.readTree(wrong.body()).get("error");
        assertThat(error.get("code").asText()).isEqualTo("invalid_api_key");
        assertThat(error.get("message").asText()).doesNotContain("sk-wrong-key-123456");
    }

    @Test
    void aBodyOverTheLimitIs413() throws Exception {
        String huge = body("test-llama", "x".repeat(5 * 1024 * 1024));

        HttpResponse<String> response = chat(huge, Map.of());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(response.body()).at("/error/type").asText()).isEqualTo("invalid_request_error");
    }

    @Test
    void anUnknownUrlIs404InOpenAisShape() throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(server.baseUrl() + "/completions/nothing"))
                        .header("authorization", "Bearer " + RunningServer.USER_KEY)
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(response.body()).at("/error/message").asText()).contains("/v1");
    }

    @Test
    void streamingIsDecidedByTheBodyNotTheAcceptHeader() throws Exception {
        String body = "{\"model\": \"test-llama@latency\", \"stream\": true,"
                + " \"messages\": [{\"role\": \"user\", \"content\": \"Stream please\"}]}";

        HttpResponse<String> response = chat(body, Map.of("accept", "application/json"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValue("text/event-stream");
        assertThat(response.headers().firstValue("x-clod-provider")).hasValue("sim-quick");
        List<JsonNode> events = events(response.body());
        assertThat(response.body()).endsWith("data: [DONE]\n\n");
        assertThat(events).isNotEmpty().allSatisfy(event -> {
            assertThat(event.get("object").asText()).isEqualTo("chat.completion.chunk");
            assertThat(event.get("model").asText()).isEqualTo("test-llama");
            assertThat(event.get("choices").size()).isPositive();
        });
        StringBuilder text = new StringBuilder();
        events.forEach(event -> text.append(event.at("/choices/0/delta/content").asText("")));
        assertThat(text.toString()).contains("Stream please");
    }

    @Test
    void aStreamEndsWithUsageOnlyWhenAskedFor() throws Exception {
        String body = "{\"model\": \"test-llama\", \"stream\": true, \"stream_options\": {\"include_usage\": true},"
                + " \"messages\": [{\"role\": \"user\", \"content\": \"Count\"}]}";

        List<JsonNode> events = events(chat(body, Map.of()).body());

        JsonNode last = events.get(events.size() - 1);
        assertThat(last.get("choices").size()).isZero();
        assertThat(last.at("/usage/completion_tokens").asInt()).isPositive();
        assertThat(last.at("/usage/prompt_tokens").asInt()).isPositive();
    }

    @Test
    void everyFormOfAReplayedToolCallMessageIsAccepted() throws Exception {
        for (String content : new String[] {"\"content\": null,", "\"content\": \"\",", ""}) {
            String body = "{\"model\": \"test-llama\", \"messages\": ["
                    + "{\"role\": \"user\", \"content\": \"Weather in Boston?\"},"
                    + "{\"role\": \"assistant\", " + content
                    + " \"tool_calls\": [{\"id\": \"call_1\", \"type\": \"function\","
                    + " \"function\": {\"name\": \"get_weather\", \"arguments\": \"{\\\"city\\\":\\\"Boston\\\"}\"}}]},"
                    + "{\"role\": \"tool\", \"tool_call_id\": \"call_1\", \"content\": \"21 degrees\"}],"
                    + " \"tools\": [{\"type\": \"function\", \"function\": {\"name\": \"get_weather\","
                    + " \"parameters\": {\"type\": \"object\", \"properties\": {\"city\": {\"type\": \"string\"}}}}}]}";

            HttpResponse<String> response = chat(body, Map.of());

            assertThat(response.statusCode()).as(content).isEqualTo(200);
            assertThat(JSON.readTree(response.body())
                            .at("/choices/0/message/content")
                            .asText())
                    .contains("21 degrees");
        }
    }

    @Test
    void anHttp2CleartextUpgradeIsServed() throws Exception {
        HttpClient h2c =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/chat/completions"))
                .header("authorization", "Bearer " + RunningServer.USER_KEY)
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body("test-llama", "over h2c")))
                .build();

        for (int i = 0; i < 3; i++) {
            HttpResponse<String> response = h2c.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("over h2c");
        }
    }

    @Test
    void aFailingUpstreamFallsBackToTheNextDeployment() throws Exception {
        upstream.stubFor(
                post(urlEqualTo("/v1/chat/completions"))
                        .willReturn(
                                aResponse()
                                        .withStatus(500)
                                        .withHeader("content-type", "application/json")
                                        .withBody(
                                                "{\"error\":{\"message\":\"boom\",\"type\":\"server_error\",\"param\":null,\"code\":null}}")));

        HttpResponse<String> response = chat(body("wired-fallback", "Hello"), Map.of());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("x-clod-provider")).hasValue("sim-quick");
        assertThat(response.headers().firstValue("x-clod-route").orElseThrow()).contains("wired-fallback/upstream");
        upstream.verify(postRequestedFor(urlEqualTo("/v1/chat/completions"))
                .withHeader("authorization", equalTo("Bearer test-upstream-key"))
                .withRequestBody(matchingJsonPath("$.model", equalTo("wired-upstream-model"))));
    }

    @Test
    void anUpstreamAnswerPassesThroughWithTheModelRenamed() throws Exception {
        upstream.stubFor(
                post(urlEqualTo("/v1/chat/completions"))
                        .willReturn(
                                aResponse()
                                        .withStatus(200)
                                        .withHeader("content-type", "application/json")
                                        .withBody(
                                                "{\"id\":\"chatcmpl-up\",\"object\":\"chat.completion\",\"created\":1723300000,"
                                                        + "\"model\":\"wired-upstream-model\",\"choices\":[{\"index\":0,\"message\":{\"role\":"
                                                        + "\"assistant\",\"content\":\"from upstream\"},\"finish_reason\":\"stop\"}],"
                                                        + "\"usage\":{\"prompt_tokens\":1000000,\"completion_tokens\":1000000,\"total_tokens\":2000000}}")));

        HttpResponse<String> response = chat(body("wired-answer", "Hello"), Map.of());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("x-clod-provider")).hasValue("upstream");
        JsonNode answer = JSON.readTree(response.body());
        assertThat(answer.get("model").asText()).isEqualTo("wired-answer");
        assertThat(answer.at("/choices/0/message/content").asText()).isEqualTo("from upstream");
        // 1M input at $1.00 plus 1M output at $2.00, plus the 5% routing fee.
        assertThat(response.headers().firstValue("x-clod-cost-usd")).hasValue("3.15");
    }

    @Test
    void anUpstreamRejectionOfTheRequestIsTheClients400() throws Exception {
        upstream.stubFor(post(urlEqualTo("/v1/chat/completions"))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("content-type", "application/json")
                        .withBody(
                                "{\"error\":{\"message\":\"logit_bias is malformed\",\"type\":\"invalid_request_error\","
                                        + "\"param\":\"logit_bias\",\"code\":null}}")));

        HttpResponse<String> response = chat(body("wired-reject", "Hello"), Map.of());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).at("/error/message").asText()).contains("logit_bias is malformed");
        upstream.verify(1, postRequestedFor(urlEqualTo("/v1/chat/completions")));
    }

    @Test
    void theRouteOfAModelStringCanBeExplainedWithoutSendingIt() throws Exception {
        JsonNode route = JSON.readTree(get("/route?model=test-llama%40price").body());

        assertThat(route.get("strategy").asText()).isEqualTo("price");
        assertThat(route.get("chosen").asText()).isEqualTo("test-llama/sim-cheap");
        assertThat(route.get("candidates")).hasSize(3);
        JsonNode best = route.get("candidates").get(0);
        assertThat(best.get("provider").asText()).isEqualTo("sim-cheap");
        assertThat(best.get("site").asText()).isEqualTo("chicago");
        assertThat(best.get("expected_cost_usd").decimalValue()).isPositive();
        assertThat(best.get("score").asDouble()).isZero();
        assertThat(route.get("candidates").get(2).get("score").asDouble()).isPositive();
    }

    @Test
    void explainingARouteFailsAsTheRequestWould() throws Exception {
        assertThat(get("/route?model=nope").statusCode()).isEqualTo(404);
        assertThat(get("/route?model=test-llama%40cheap").statusCode()).isEqualTo(400);
        HttpResponse<String> missing = get("/route");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(missing.body()).at("/error/param").asText()).isEqualTo("model");
    }

    @Test
    void healthAnswersWithoutAKey() throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/health"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).get("status").asText()).isEqualTo("ok");
    }

    private static String body(String model, String text) throws Exception {
        return JSON.writeValueAsString(
                Map.of("model", model, "messages", List.of(Map.of("role", "user", "content", text))));
    }

    private static HttpResponse<String> chat(String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/chat/completions"))
                .header("authorization", "Bearer " + RunningServer.USER_KEY)
                .header("content-type", "application/json")
                .timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                        .header("authorization", "Bearer " + RunningServer.USER_KEY)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static List<JsonNode> events(String body) throws Exception {
        List<JsonNode> events = new ArrayList<>();
        for (String line : body.split("\n")) {
            if (line.startsWith("data: ") && !line.equals("data: [DONE]")) {
                events.add(JSON.readTree(line.substring(6)));
            }
        }
        return events;
    }
}
