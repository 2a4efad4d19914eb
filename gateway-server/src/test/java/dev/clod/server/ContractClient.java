package dev.clod.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Plain HTTP calls to a gateway server whose every answer is checked against its OpenAPI document.
 * Paths are absolute on the server ({@code /v1/models}, {@code /health}); a null key sends none.
 */
final class ContractClient {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final String origin;
    private OpenApiContract contract;

    ContractClient(int port) {
        this.origin = "http://127.0.0.1:" + port;
    }

    /** Judges every later exchange by this document. */
    void judgeBy(OpenApiContract contract) {
        this.contract = contract;
    }

    /** A valid request: it must match the document, and its answer must have the status and match too. */
    HttpResponse<String> exchange(int status, String method, String path, String key, String body) throws Exception {
        return exchange(status, method, path, key, body, Map.of(), true);
    }

    HttpResponse<String> exchange(
            int status, String method, String path, String key, String body, Map<String, String> headers)
            throws Exception {
        return exchange(status, method, path, key, body, headers, true);
    }

    /** A request sent invalid on purpose, to provoke an error: only the answer is checked. */
    HttpResponse<String> provoke(int status, String method, String path, String key, String body) throws Exception {
        return exchange(status, method, path, key, body, Map.of(), false);
    }

    HttpResponse<String> provoke(
            int status, String method, String path, String key, String body, Map<String, String> headers)
            throws Exception {
        return exchange(status, method, path, key, body, headers, false);
    }

    private HttpResponse<String> exchange(
            int status,
            String method,
            String path,
            String key,
            String body,
            Map<String, String> headers,
            boolean checkRequest)
            throws Exception {
        if (checkRequest) {
            Map<String, String> sent = new HashMap<>(headers);
            if (key != null) {
                sent.put("authorization", "Bearer " + key);
            }
            if (body != null) {
                sent.put("content-type", "application/json");
            }
            contract.assertRequestConforms(method, path, sent, body);
        }
        HttpResponse<String> answer = send(method, path, key, body, headers);
        assertThat(answer.statusCode())
                .as("%s %s answered %s", method, path, answer.body())
                .isEqualTo(status);
        contract.assertConforms(method, path, answer);
        return answer;
    }

    /** Sends a request and checks nothing. */
    HttpResponse<String> send(String method, String path, String key, String body, Map<String, String> headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(origin + path))
                .timeout(Duration.ofSeconds(30))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("authorization", "Bearer " + key);
        }
        if (body != null) {
            request.header("content-type", "application/json");
        }
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) throws Exception {
        return send("GET", path, null, null, Map.of());
    }
}
