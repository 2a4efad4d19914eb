package dev.clod.server;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.swagger.v3.oas.models.Operation;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The OpenAPI document at {@code /openapi.json} against the running server: the document is valid,
 * every route is in it, and every answer the server gives here — successes and each error it can be
 * made to give — matches it in status, content type, body and declared headers. A field renamed,
 * added or dropped on either side fails this test; so does a documented answer no test provokes.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OpenApiContractIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADMIN = RunningServer.ADMIN_KEY;
    /** A static key: it may chat, but belongs to no project and manages nothing. */
    private static final String USER = RunningServer.USER_KEY;
    /** Pages for people, not part of the API: Swagger UI and the dashboard. */
    /** Pages and their static files, for browsers, not part of the API. */
    private static final Set<String> PAGES = Set.of(
            "GET /",
            "HEAD /",
            "GET /docs",
            "GET /docs/",
            "GET /docs/index.html",
            "GET /dashboard/",
            "HEAD /dashboard/",
            "GET /webjars/",
            "HEAD /webjars/");

    private static final String CHAT = "/v1/chat/completions";

    /** The proxied models' upstream: its answers are set once, before the server starts. */
    private static WireMockServer upstream;

    private static RunningServer server;
    private static ContractClient http;
    private static OpenApiContract contract;
    private static Set<String> routes;
    /** A key of a project that may use {@code test-llama} only. */
    private static String restrictedKey;

    @BeforeAll
    static void start() throws Exception {
        upstream = new WireMockServer(wireMockConfig().dynamicPort());
        upstream.start();
        upstream.stubFor(post(urlEqualTo("/v1/chat/completions"))
                .withRequestBody(matchingJsonPath("$.model", equalTo("busy-upstream")))
                .willReturn(aResponse()
                        .withStatus(429)
                        .withHeader("content-type", "application/json")
                        .withHeader("retry-after", "7")
                        .withBody("{\"error\":{\"message\":\"Slow down.\",\"type\":\"requests\",\"param\":null,"
                                + "\"code\":\"rate_limit_exceeded\"}}")));
        upstream.stubFor(post(urlEqualTo("/v1/chat/completions"))
                .withRequestBody(matchingJsonPath("$.model", equalTo("slow-upstream")))
                .willReturn(aResponse().withFixedDelay(3_000).withStatus(500)));
        server = RunningServer.withCatalog(
                "/openapi-contract-catalog.yaml", Map.of("UPSTREAM_URL", upstream.baseUrl() + "/v1"));
        routes = RegisteredRoutes.of(server.server());

        http = new ContractClient(server.port());
        HttpResponse<String> document = http.get("/openapi.json");
        assertThat(document.statusCode()).isEqualTo(200);
        contract = OpenApiContract.of(document.body());
        http.judgeBy(contract);

        String project = field(
                http.exchange(
                        201,
                        "POST",
                        "/v1/admin/projects",
                        ADMIN,
                        "{\"name\": \"restricted\", \"allowed_models\": [\"Test Llama\"]}"),
                "id");
        restrictedKey = secret("{\"name\": \"restricted-key\", \"project\": \"" + project + "\"}");
    }

    @AfterAll
    static void stop() {
        server.close();
        upstream.stop();
    }

    // ---- the document itself ----

    @Test
    void theDocumentIsServedWithoutAKeyAndIsValidOpenApi() throws Exception {
        HttpResponse<String> document = http.exchange(200, "GET", "/openapi.json", null, null);

        assertThat(document.headers().firstValue("content-type")).hasValue("application/json");
        assertThat(contract.parseMessages()).as("problems in the document").isEmpty();
        assertThat(contract.api().getOpenapi()).startsWith("3.0.");
        assertThat(contract.api().getServers()).singleElement().satisfies(s -> assertThat(s.getUrl())
                .isEqualTo("/"));
        assertThat(contract.api().getComponents().getSecuritySchemes()).containsKey("bearer");
    }

    @Test
    void everyRouteTheServerRegistersIsDocumented() {
        Set<String> documented = new TreeSet<>();
        contract.operations().forEach(operation -> documented.add(RegisteredRoutes.normalized(operation)));

        Set<String> undocumented = new TreeSet<>();
        for (String route : routes) {
            if (!PAGES.contains(route) && !documented.contains(RegisteredRoutes.normalized(route))) {
                undocumented.add(route);
            }
        }

        assertThat(undocumented)
                .as("routes registered in Routes but missing from openapi.yaml")
                .isEmpty();
    }

    @Test
    void everyExampleMatchesItsSchema() {
        // Read from the JSON as served: the parser's model turns some decimals of examples into text.
        JsonNode document = contract.document();
        int checked = 0;
        for (Map.Entry<String, JsonNode> schema :
                document.at("/components/schemas").properties()) {
            if (schema.getValue().has("example")) {
                contract.assertMatchesSchema(schema.getValue().get("example").toString(), schema.getKey());
                checked++;
            }
        }
        for (Map.Entry<String, JsonNode> response :
                document.at("/components/responses").properties()) {
            JsonNode example = response.getValue().at("/content/application~1json/example");
            if (!example.isMissingNode()) {
                contract.assertMatchesResponse(example.toString(), response.getKey());
                checked++;
            }
        }
        for (Map.Entry<String, JsonNode> example : document.at(
                        "/paths/~1v1~1chat~1completions/post/requestBody/content/application~1json/examples")
                .properties()) {
            contract.assertMatchesSchema(example.getValue().get("value").toString(), "ChatCompletionRequest");
            checked++;
        }

        assertThat(checked).as("examples checked").isGreaterThan(30);
    }

    // ---- chat ----

    @Test
    void aCompletionWithAToolCallMatches() throws Exception {
        String body = "{\"model\": \"test-llama@price\", \"messages\": ["
                + "{\"role\": \"system\", \"content\": \"Be brief.\"},"
                + "{\"role\": \"user\", \"content\": [{\"type\": \"text\", \"text\": \"Weather?\"},"
                + " {\"type\": \"image_url\", \"image_url\": {\"url\": \"data:image/png;base64,iVBORw0KGgo=\"}}]}],"
                + " \"tools\": [{\"type\": \"function\", \"function\": {\"name\": \"get_weather\","
                + " \"parameters\": {\"type\": \"object\", \"properties\": {\"city\": {\"type\": \"string\"}},"
                + " \"required\": [\"city\"]}}}], \"tool_choice\": \"auto\", \"max_tokens\": 64,"
                + " \"temperature\": 0.2, \"x_vendor_option\": true}";

        HttpResponse<String> answer = http.exchange(200, "POST", CHAT, USER, body);

        assertThat(JSON.readTree(answer.body())
                        .at("/choices/0/message/tool_calls/0/function/name")
                        .asText())
                .isEqualTo("get_weather");
        assertThat(answer.headers().firstValue("x-clod-site")).isPresent();
        assertThat(answer.headers().firstValue("x-clod-cost-usd")).isPresent();
    }

    @Test
    void aReplayedToolTurnAndItsAnswerMatch() throws Exception {
        String body = "{\"model\": \"tl\", \"messages\": ["
                + "{\"role\": \"user\", \"content\": \"Weather in Paris?\"},"
                + "{\"role\": \"assistant\", \"content\": null, \"tool_calls\": [{\"id\": \"call_1\","
                + " \"type\": \"function\", \"function\": {\"name\": \"get_weather\","
                + " \"arguments\": \"{\\\"city\\\":\\\"Paris\\\"}\"}}]},"
                + "{\"role\": \"tool\", \"tool_call_id\": \"call_1\", \"content\": \"21 C\"}],"
                + " \"response_format\": {\"type\": \"text\"}, \"stop\": [\"END\"], \"seed\": 7}";

        HttpResponse<String> answer =
                http.exchange(200, "POST", CHAT, USER, body, Map.of("x-clod-strategy", "latency"));

        assertThat(JSON.readTree(answer.body()).at("/choices/0/message/content").asText())
                .contains("21 C");
        assertThat(answer.headers().firstValue("x-clod-strategy")).hasValue("latency");
    }

    @Test
    void aStreamMatchesChunkByChunk() throws Exception {
        String body = "{\"model\": \"test-llama\", \"stream\": true, \"stream_options\": {\"include_usage\": true},"
                + " \"messages\": [{\"role\": \"user\", \"content\": \"Count to five.\"}]}";

        HttpResponse<String> answer = http.exchange(200, "POST", CHAT, USER, body);

        assertThat(answer.headers().firstValue("content-type")).hasValue("text/event-stream");
        List<String> chunks = contract.assertStreamOfChunks(answer.body());
        assertThat(JSON.readTree(chunks.get(chunks.size() - 1)).has("usage")).isTrue();
    }

    @Test
    void aStreamOfToolCallPiecesMatches() throws Exception {
        String body = "{\"model\": \"test-llama\", \"stream\": true, \"messages\": [{\"role\": \"user\","
                + " \"content\": \"Weather?\"}], \"tools\": [{\"type\": \"function\", \"function\": {\"name\":"
                + " \"get_weather\", \"parameters\": {\"type\": \"object\", \"properties\": {\"city\":"
                + " {\"type\": \"string\"}}}}}]}";

        HttpResponse<String> answer = http.exchange(200, "POST", CHAT, USER, body);

        List<String> chunks = contract.assertStreamOfChunks(answer.body());
        assertThat(chunks).anySatisfy(chunk -> assertThat(chunk).contains("\"tool_calls\""));
    }

    static Stream<Arguments> chatErrors() {
        return Stream.of(
                Arguments.of("not JSON", 400, USER, "{\"model\": ", Map.of()),
                Arguments.of("no messages", 400, USER, "{\"model\": \"test-llama\"}", Map.of()),
                Arguments.of(
                        "the deprecated functions",
                        400,
                        USER,
                        "{\"model\": \"test-llama\", \"messages\": [{\"role\": \"user\", \"content\": \"x\"}],"
                                + " \"functions\": [{\"name\": \"f\"}]}",
                        Map.of()),
                Arguments.of(
                        "an unknown strategy header",
                        400,
                        USER,
                        chat("test-llama"),
                        Map.of("x-clod-strategy", "cheapest")),
                Arguments.of("an unknown tag", 400, USER, chat("test-llama@cheap"), Map.of()),
                Arguments.of("a wrong key", 401, "sk-clod-wrong", chat("test-llama"), Map.of()),
                Arguments.of("a model outside the project", 403, null, chat("test-free"), Map.of()),
                Arguments.of("an unknown model", 404, USER, chat("llama-9"), Map.of()),
                Arguments.of("an upstream that is rate-limited", 429, USER, chat("busy"), Map.of()),
                Arguments.of("an upstream that is down", 502, USER, chat("down"), Map.of()),
                Arguments.of("a provider without its key", 503, USER, chat("needs-key"), Map.of()),
                Arguments.of("an upstream that is too slow", 504, USER, chat("slow"), Map.of()));
    }

    /** A null key stands for the restricted project's key, which exists only once the server runs. */
    @ParameterizedTest(name = "{0} is a {1}")
    @MethodSource("chatErrors")
    void chatErrorsMatch(String why, int status, String key, String body, Map<String, String> headers)
            throws Exception {
        HttpResponse<String> answer =
                http.provoke(status, "POST", CHAT, key == null ? restrictedKey : key, body, headers);

        if (status != 401) {
            // Keys are checked before a request reaches chat, which names every request it sees.
            assertThat(answer.headers().firstValue("x-request-id")).isPresent();
        }
    }

    @Test
    void anUpstreamRateLimitPassesItsRetryAfterOn() throws Exception {
        HttpResponse<String> answer = http.exchange(429, "POST", CHAT, USER, chat("busy"));

        assertThat(answer.headers().firstValue("retry-after")).hasValue("7");
    }

    @Test
    void aProjectOverBudgetMatches() throws Exception {
        http.exchange(
                201, "POST", "/v1/admin/projects", ADMIN, "{\"name\": \"frugal\", \"budget_usd_per_month\": 1E-9}");
        String frugal = secret("{\"name\": \"frugal-key\", \"project\": \"frugal\"}");
        http.exchange(200, "POST", CHAT, frugal, chat("test-llama"));

        HttpResponse<String> overBudget = http.exchange(429, "POST", CHAT, frugal, chat("test-llama"));

        assertThat(JSON.readTree(overBudget.body()).at("/error/code").asText()).isEqualTo("insufficient_quota");
    }

    @Test
    void aKeyOverItsRequestsPerMinuteMatches() throws Exception {
        http.exchange(201, "POST", "/v1/admin/projects", ADMIN, "{\"name\": \"hasty\"}");
        String hasty = secret("{\"name\": \"hasty-key\", \"project\": \"hasty\", \"rpm\": 1}");

        HttpResponse<String> limited = null;
        // Two calls may straddle a minute's end; the third is then over the limit of the new minute.
        for (int i = 0; i < 3 && limited == null; i++) {
            HttpResponse<String> answer = http.send("POST", CHAT, hasty, chat("test-llama"), Map.of());
            contract.assertConforms("POST", CHAT, answer);
            limited = answer.statusCode() == 429 ? answer : null;
        }

        assertThat(limited).as("a 429 within three calls at 1 rpm").isNotNull();
        assertThat(limited.headers().firstValue("retry-after")).isPresent();
        assertThat(JSON.readTree(limited.body()).at("/error/code").asText()).isEqualTo("rate_limit_exceeded");
    }

    @Test
    void whoAmIMatches() throws Exception {
        assertThat(JSON.readTree(http.exchange(200, "GET", "/v1/me", USER, null).body())
                        .get("admin")
                        .asBoolean())
                .isFalse();
        http.exchange(401, "GET", "/v1/me", "sk-clod-wrong", null);
    }

    // ---- models, prices, energy, routing ----

    @Test
    void modelsMatch() throws Exception {
        JsonNode list = JSON.readTree(
                http.exchange(200, "GET", "/v1/models", USER, null).body());
        assertThat(list.findValuesAsText("id")).contains("test-llama", "needs-key");
        assertThat(list.findValues("unavailable_reason")).hasSize(1);

        http.exchange(200, "GET", "/v1/models/test-llama", USER, null);
        http.exchange(200, "GET", "/v1/models/" + encode("Test Llama"), USER, null);
        http.exchange(200, "GET", "/v1/models/needs-key", USER, null);
        http.exchange(404, "GET", "/v1/models/llama-9", USER, null);
    }

    @Test
    void priceHistoriesMatch() throws Exception {
        for (String window : List.of("4h", "24h", "7d")) {
            JsonNode prices =
                    JSON.readTree(http.exchange(200, "GET", "/v1/models/test-llama/prices?window=" + window, USER, null)
                            .body());
            assertThat(prices.get("sites")).hasSize(2);
        }
        http.exchange(200, "GET", "/v1/models/busy/prices", USER, null);
        http.provoke(400, "GET", "/v1/models/test-llama/prices?window=1h", USER, null);
        http.exchange(404, "GET", "/v1/models/llama-9/prices", USER, null);
    }

    @Test
    void energySitesAndWindowsMatch() throws Exception {
        JsonNode sites = JSON.readTree(
                http.exchange(200, "GET", "/v1/energy/sites", USER, null).body());
        assertThat(sites.findValuesAsText("site")).contains("dallas", "los-angeles");

        String windows = "/v1/energy/windows?model=test-llama";
        JsonNode two =
                JSON.readTree(http.exchange(200, "GET", windows + "&duration=2h&deadline=18h&count=2", USER, null)
                        .body());
        assertThat(two.get("data")).hasSize(2);
        http.exchange(200, "GET", windows + "&duration=PT90M&deadline=2024-08-13T06%3A00%3A00Z", USER, null);
        http.provoke(400, "GET", windows + "&deadline=18h", USER, null);
        http.provoke(400, "GET", windows + "&duration=2h&deadline=18h&count=99", USER, null);
        http.exchange(404, "GET", "/v1/energy/windows?model=llama-9&duration=2h&deadline=18h", USER, null);
    }

    @Test
    void routeExplanationsMatch() throws Exception {
        http.exchange(200, "GET", "/v1/route?model=" + encode("test-llama@price@latency"), USER, null);
        http.exchange(200, "GET", "/v1/route?model=test-llama", USER, null, Map.of("x-clod-strategy", "tokenrate"));
        http.provoke(400, "GET", "/v1/route", USER, null);
        http.exchange(403, "GET", "/v1/route?model=test-free", restrictedKey, null);
        http.exchange(404, "GET", "/v1/route?model=llama-9", USER, null);
        http.exchange(503, "GET", "/v1/route?model=needs-key", USER, null);
    }

    // ---- usage ----

    @Test
    void usageMatches() throws Exception {
        http.exchange(200, "POST", CHAT, restrictedKey, chat("test-llama"));
        http.exchange(200, "POST", CHAT, restrictedKey, chat("Test Llama@latency"));

        for (String groupBy : List.of("model", "day", "project", "key")) {
            JsonNode sums = JSON.readTree(http.exchange(200, "GET", "/v1/usage?group_by=" + groupBy, ADMIN, null)
                    .body());
            assertThat(sums.get("data")).as(groupBy).isNotEmpty();
        }
        http.exchange(200, "GET", "/v1/usage?from=2024-01-01&to=2099-01-01T00%3A00%3A00Z", restrictedKey, null);

        JsonNode first = JSON.readTree(http.exchange(200, "GET", "/v1/usage/requests?limit=1", restrictedKey, null)
                .body());
        assertThat(first.get("has_more").asBoolean()).isTrue();
        String next = "/v1/usage/requests?limit=1&cursor="
                + encode(first.get("next_cursor").asText());
        http.exchange(200, "GET", next, restrictedKey, null);
        http.exchange(200, "GET", "/v1/usage/requests?limit=500", ADMIN, null);

        http.provoke(400, "GET", "/v1/usage?group_by=week", ADMIN, null);
        http.exchange(400, "GET", "/v1/usage?from=yesterday", ADMIN, null);
        http.provoke(400, "GET", "/v1/usage/requests?limit=0", ADMIN, null);
        http.exchange(403, "GET", "/v1/usage", USER, null);
        http.exchange(403, "GET", "/v1/usage/requests", USER, null);
    }

    // ---- admin ----

    @Test
    void projectsAndKeysMatch() throws Exception {
        String projects = "/v1/admin/projects";
        http.exchange(
                201,
                "POST",
                projects,
                ADMIN,
                "{\"name\": \"analytics\", \"allowed_models\": [\"tl\"]," + " \"budget_usd_per_month\": 50}");
        http.exchange(200, "GET", projects, ADMIN, null);
        http.provoke(400, "POST", projects, ADMIN, "{\"allowed_models\": [\"llama-9\"]}");
        http.provoke(400, "POST", projects, ADMIN, "[]");

        String keys = "/v1/admin/keys";
        String id = field(
                http.exchange(
                        201, "POST", keys, ADMIN, "{\"name\": \"etl\", \"project\": \"analytics\", \"tpm\": 1000}"),
                "id");
        http.exchange(201, "POST", keys, ADMIN, "{\"name\": \"loose\"}");
        http.provoke(400, "POST", keys, ADMIN, "{\"name\": \"x\", \"rpm\": -1}");
        http.exchange(404, "POST", keys, ADMIN, "{\"name\": \"x\", \"project\": \"nowhere\"}");

        http.exchange(200, "DELETE", keys + "/" + id, ADMIN, null);
        JsonNode listed =
                JSON.readTree(http.exchange(200, "GET", keys, ADMIN, null).body());
        assertThat(listed.findValuesAsText("revoked_at"))
                .anySatisfy(revoked -> assertThat(revoked).isNotEqualTo("null"));
        http.exchange(404, "DELETE", keys + "/key_unknown", ADMIN, null);
    }

    // ---- what operations share ----

    @Test
    void everyKeyedOperationIs401WithoutAKey() throws Exception {
        for (String operation : routedOperations()) {
            if (!contract.securityOf(operation).isEmpty()) {
                http.provoke(401, method(operation), sample(operation), null, "{}");
            }
        }
    }

    @Test
    void everyAdminOperationIs403ForOtherKeys() throws Exception {
        for (String operation : routedOperations()) {
            if (contract.tagsOf(operation).contains("admin")) {
                HttpResponse<String> refused =
                        http.provoke(403, method(operation), sample(operation), USER, "{\"name\": \"n\"}");
                assertThat(field(refused, "/error/code")).isEqualTo("admin_key_required");
            }
        }
    }

    @Test
    void everyBodyOverTheLimitIs413() throws Exception {
        String huge = "{\"name\": \"" + "x".repeat(70_000) + "\"}";
        for (String operation : routedOperations()) {
            if (method(operation).equals("POST")) {
                http.provoke(413, "POST", sample(operation), ADMIN, huge);
            }
        }
    }

    @Test
    void everyOperationThatNeedsNoInputAnswers() throws Exception {
        for (String operation : routedOperations()) {
            Operation described = contract.operation(method(operation), path(operation));
            boolean needsInput = described.getRequestBody() != null
                    || (described.getParameters() != null
                            && described.getParameters().stream().anyMatch(p -> Boolean.TRUE.equals(p.getRequired())));
            if (!needsInput) {
                http.exchange(200, method(operation), path(operation), ADMIN, null);
            }
        }
    }

    @Test
    void unknownPathsAndMethodsAnswerInTheErrorShape() throws Exception {
        HttpResponse<String> unknown = http.send("GET", "/v1/nothing/here", USER, null, Map.of());
        assertThat(unknown.statusCode()).isEqualTo(404);
        contract.assertMatchesSchema(unknown.body(), "Error");
        assertThat(field(unknown, "/error/code")).isEqualTo("unknown_url");

        HttpResponse<String> wrongMethod = http.send("DELETE", "/v1/models", USER, null, Map.of());
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        contract.assertMatchesSchema(wrongMethod.body(), "Error");
        assertThat(field(wrongMethod, "/error/code")).isEqualTo("method_not_allowed");
    }

    // ---- Swagger UI ----

    @Test
    void swaggerUiIsServedFromTheGatewayWithoutAKey() throws Exception {
        HttpResponse<String> bare = http.get("/docs");
        assertThat(bare.statusCode()).isEqualTo(302);
        assertThat(bare.headers().firstValue("location")).hasValue("docs/");

        HttpResponse<String> page = http.get("/docs/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("content-type")).hasValue("text/html; charset=utf-8");
        assertThat(page.body()).contains("url: \"../openapi.json\"").contains("validatorUrl: null");
        assertThat(page.body()).as("nothing is loaded from elsewhere").doesNotContain("http://", "https://", "//cdn");

        List<String> assets = new ArrayList<>();
        Matcher references = Pattern.compile("(?:src|href)=\"([^\"]+)\"").matcher(page.body());
        while (references.find()) {
            assets.add(references.group(1));
        }
        assertThat(assets).contains("swagger-ui-bundle.js", "swagger-ui.css");
        for (String asset : assets) {
            HttpResponse<String> file = http.get("/docs/" + asset);
            assertThat(file.statusCode()).as(asset).isEqualTo(200);
            assertThat(file.body()).as(asset).isNotEmpty();
        }
        assertThat(http.get("/docs/index.html").statusCode())
                .as("the webjar's own page, which would load a sample API from the internet, is not served")
                .isEqualTo(302);
    }

    // ---- last: nothing documented went unchecked ----

    @Test
    @Order(Integer.MAX_VALUE)
    void everyDocumentedAnswerOfEveryRoutedOperationWasSeen() {
        Set<String> routed = routedOperations();
        Set<String> unseen = new TreeSet<>();
        for (String answer : contract.answers()) {
            String operation = answer.substring(0, answer.lastIndexOf(' '));
            if (routed.contains(operation) && !contract.seen().contains(answer)) {
                unseen.add(answer);
            }
        }

        assertThat(unseen).as("documented answers no test here provoked").isEmpty();
    }

    // ---- shared by the tests above ----

    private static String chat(String model) {
        return "{\"model\": \"" + model + "\", \"messages\": [{\"role\": \"user\", \"content\": \"Hello\"}]}";
    }

    private static String secret(String newKey) throws Exception {
        return field(http.exchange(201, "POST", "/v1/admin/keys", ADMIN, newKey), "key");
    }

    /** A text field of a JSON answer, by name or JSON pointer. */
    private static String field(HttpResponse<String> answer, String field) throws Exception {
        JsonNode body = JSON.readTree(answer.body());
        return (field.startsWith("/") ? body.at(field) : body.get(field)).asText();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The documented operations the server routes, as {@code "GET /v1/models/{model}"}. */
    private static Set<String> routedOperations() {
        Set<String> routed = new TreeSet<>();
        routes.forEach(route -> routed.add(RegisteredRoutes.normalized(route)));
        Set<String> operations = new TreeSet<>();
        for (String operation : contract.operations()) {
            if (routed.contains(RegisteredRoutes.normalized(operation))) {
                operations.add(operation);
            }
        }
        return operations;
    }

    private static String method(String operation) {
        return operation.substring(0, operation.indexOf(' '));
    }

    private static String path(String operation) {
        return operation.substring(operation.indexOf(' ') + 1);
    }

    /** The operation's path with a sample value for each parameter. */
    private static String sample(String operation) {
        String path = path(operation).replace("{model}", "test-llama").replace("{id}", "key_unknown");
        assertThat(path)
                .as("a sample value for every parameter of " + operation)
                .doesNotContain("{");
        return path;
    }
}
