package dev.clod.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.report.SimpleValidationReportFormat;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.schema.SchemaValidator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The served OpenAPI document as a judge of real answers: each answer must have a status the operation
 * declares, a declared content type, a body that matches the schema (no field missing, none extra,
 * every type and enum as written) and every header declared as required. Each passing check is
 * remembered, so a test can ask which documented answers were never seen.
 */
final class OpenApiContract {

    private final JsonNode document;
    private final OpenAPI api;
    private final List<String> parseMessages;
    private final OpenApiInteractionValidator validator;
    private final SchemaValidator schemas;
    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    private OpenApiContract(String document) {
        try {
            this.document = new ObjectMapper().readTree(document);
        } catch (JsonProcessingException notJson) {
            throw new AssertionError("the OpenAPI document is not JSON", notJson);
        }
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(document, null, options);
        this.api = parsed.getOpenAPI();
        this.parseMessages = parsed.getMessages() == null ? List.of() : List.copyOf(parsed.getMessages());
        this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(document)
                .build();
        this.schemas = new SchemaValidator(api, new MessageResolver());
    }

    static OpenApiContract of(String document) {
        return new OpenApiContract(document);
    }

    /** The document as served. */
    JsonNode document() {
        return document;
    }

    OpenAPI api() {
        return api;
    }

    /** What the parser found wrong with the document: unknown keys, missing required ones, broken refs. */
    List<String> parseMessages() {
        return parseMessages;
    }

    /** Every documented operation, as {@code "GET /v1/models/{model}"}. */
    Set<String> operations() {
        Set<String> operations = new TreeSet<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap()
                .keySet()
                .forEach(method -> operations.add(method.name() + " " + path)));
        return operations;
    }

    /** Every documented answer, as {@code "GET /v1/models/{model} 404"}. */
    Set<String> answers() {
        Set<String> answers = new TreeSet<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> operation
                .getResponses()
                .keySet()
                .forEach(status -> answers.add(method.name() + " " + path + " " + status))));
        return answers;
    }

    /** The answers checked so far. */
    Set<String> seen() {
        return Set.copyOf(seen);
    }

    Operation operation(String method, String template) {
        PathItem item = api.getPaths().get(template);
        return item == null ? null : item.readOperationsMap().get(PathItem.HttpMethod.valueOf(method));
    }

    /** The security an operation ({@code "GET /v1/models"}) requires: its own, else the document's. */
    List<SecurityRequirement> securityOf(String operation) {
        Operation described = operation(
                operation.substring(0, operation.indexOf(' ')), operation.substring(operation.indexOf(' ') + 1));
        List<SecurityRequirement> security =
                described.getSecurity() != null ? described.getSecurity() : api.getSecurity();
        return security == null ? List.of() : security;
    }

    List<String> tagsOf(String operation) {
        Operation described = operation(
                operation.substring(0, operation.indexOf(' ')), operation.substring(operation.indexOf(' ') + 1));
        return described.getTags() == null ? List.of() : described.getTags();
    }

    /** The documented path a concrete path falls under, e.g. {@code /v1/models/{model}} for {@code /v1/models/x}. */
    String template(String path) {
        return api.getPaths().keySet().stream()
                .filter(template -> pattern(template).matcher(path).matches())
                // A literal segment beats a parameter: /v1/usage/requests is not /v1/usage/{…}.
                .max(Comparator.comparingInt(
                        template -> template.replaceAll("\\{[^}]+}", "").length()))
                .orElseThrow(() -> new AssertionError("no documented path matches " + path));
    }

    /** Asserts that a request the test sends as valid is one the document describes as valid. */
    void assertRequestConforms(String method, String pathAndQuery, Map<String, String> headers, String body) {
        assertNoErrors(validator.validateRequest(request(method, pathAndQuery, headers, body)), method, pathAndQuery);
    }

    /** Asserts that the answer to {@code method pathAndQuery} is one the document describes, and remembers it. */
    void assertConforms(String method, String pathAndQuery, HttpResponse<String> response) {
        String path = pathOnly(pathAndQuery);
        SimpleResponse.Builder answer = new SimpleResponse.Builder(response.statusCode());
        response.headers().map().forEach(answer::withHeader);
        if (!response.body().isEmpty()) {
            answer.withBody(response.body());
        }
        ValidationReport report = validator.validateResponse(path, Request.Method.valueOf(method), answer.build());
        assertNoErrors(report, method, pathAndQuery + " answered " + response.statusCode() + " " + response.body());
        seen.add(method + " " + template(path) + " " + response.statusCode());
    }

    /** Asserts that a JSON value matches a schema of the document's components. */
    void assertMatchesSchema(String json, String schemaName) {
        Schema<?> schema = api.getComponents().getSchemas().get(schemaName);
        assertThat(schema).as("schema %s", schemaName).isNotNull();
        assertMatches(json, schema, schemaName);
    }

    /** Asserts that a JSON value matches the JSON schema of a response of the document's components. */
    void assertMatchesResponse(String json, String responseName) {
        Schema<?> schema = api.getComponents()
                .getResponses()
                .get(responseName)
                .getContent()
                .get("application/json")
                .getSchema();
        assertMatches(json, schema, "the response " + responseName);
    }

    private void assertMatches(String json, Schema<?> schema, String what) {
        ValidationReport report = schemas.validate(json, schema, "contract");
        assertNoErrors(report, what, json);
    }

    /**
     * Asserts that a stream's events are {@code ChatCompletionChunk}s ending with {@code [DONE]}, and
     * returns the chunks.
     */
    List<String> assertStreamOfChunks(String body) {
        List<String> chunks = new ArrayList<>();
        String[] events = body.split("\n\n");
        for (String event : events) {
            assertThat(event)
                    .as("every event is one data line")
                    .startsWith("data: ")
                    .doesNotContain("\n");
            chunks.add(event.substring("data: ".length()));
        }
        assertThat(chunks).as("the stream ends with [DONE]").last().isEqualTo("[DONE]");
        List<String> json = chunks.subList(0, chunks.size() - 1);
        assertThat(json).as("chunks before [DONE]").isNotEmpty();
        json.forEach(chunk -> assertMatchesSchema(chunk, "ChatCompletionChunk"));
        return json;
    }

    private static void assertNoErrors(ValidationReport report, String what, String context) {
        assertThat(report.hasErrors())
                .as(
                        "%s does not match the OpenAPI document (%s):%n%s",
                        what,
                        context,
                        SimpleValidationReportFormat.getInstance().apply(report))
                .isFalse();
    }

    private static SimpleRequest request(String method, String pathAndQuery, Map<String, String> headers, String body) {
        SimpleRequest.Builder request = new SimpleRequest.Builder(method, pathOnly(pathAndQuery));
        query(pathAndQuery).forEach(request::withQueryParam);
        headers.forEach(request::withHeader);
        if (body != null) {
            request.withBody(body);
        }
        return request.build();
    }

    private static String pathOnly(String pathAndQuery) {
        int query = pathAndQuery.indexOf('?');
        return query < 0 ? pathAndQuery : pathAndQuery.substring(0, query);
    }

    private static Map<String, List<String>> query(String pathAndQuery) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        int start = pathAndQuery.indexOf('?');
        if (start < 0) {
            return params;
        }
        for (String pair : pathAndQuery.substring(start + 1).split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.computeIfAbsent(name, ignored -> new ArrayList<>()).add(value);
        }
        return params;
    }

    private static Pattern pattern(String template) {
        StringBuilder regex = new StringBuilder();
        for (String part : template.split("(?=\\{)|(?<=})")) {
            regex.append(part.startsWith("{") ? "[^/]+" : Pattern.quote(part));
        }
        return Pattern.compile(regex.toString());
    }
}
