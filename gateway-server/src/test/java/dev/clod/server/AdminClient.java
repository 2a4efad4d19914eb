package dev.clod.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Plain HTTP calls to a gateway server, for tests: admin operations, chats and usage reads. */
final class AdminClient {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final String baseUrl;

    AdminClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    HttpResponse<String> post(String path, String key, String body) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(baseUrl + path))
                        .header("authorization", "Bearer " + key)
                        .header("content-type", "application/json")
                        .timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path, String key) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(baseUrl + path))
                        .header("authorization", "Bearer " + key)
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> delete(String path, String key) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(baseUrl + path))
                        .header("authorization", "Bearer " + key)
                        .timeout(Duration.ofSeconds(30))
                        .DELETE()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Creates a project as the admin and returns its id. */
    String createProject(String adminKey, String body) throws Exception {
        HttpResponse<String> created = post("/admin/projects", adminKey, body);
        if (created.statusCode() != 201) {
            throw new AssertionError("project not created: " + created.statusCode() + " " + created.body());
        }
        return JSON.readTree(created.body()).get("id").asText();
    }

    /** Creates a key as the admin and returns the whole answer, secret included. */
    JsonNode createKey(String adminKey, String body) throws Exception {
        HttpResponse<String> created = post("/admin/keys", adminKey, body);
        if (created.statusCode() != 201) {
            throw new AssertionError("key not created: " + created.statusCode() + " " + created.body());
        }
        return JSON.readTree(created.body());
    }

    HttpResponse<String> chat(String key, String model) throws Exception {
        return post(
                "/chat/completions",
                key,
                "{\"model\": \"" + model + "\", \"messages\": [{\"role\": \"user\", \"content\": \"Hello\"}]}");
    }
}
