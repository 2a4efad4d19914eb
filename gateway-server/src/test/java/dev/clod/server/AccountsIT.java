package dev.clod.server;

import static dev.clod.server.AdminClient.JSON;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.errors.UnauthorizedException;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Projects, keys and usage through the HTTP API, as an operator and an SDK user meet them. */
class AccountsIT {

    private static RunningServer server;
    private static AdminClient http;

    @BeforeAll
    static void start() {
        server = RunningServer.withCatalog("/test-catalog.yaml", Map.of());
        http = new AdminClient(server.baseUrl());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aKeyFromTheAdminApiWorksWithTheSdkIsBilledAndStopsWhenRevoked() throws Exception {
        String project = http.createProject(RunningServer.ADMIN_KEY, "{\"name\": \"sdk-users\"}");
        JsonNode key = http.createKey(RunningServer.ADMIN_KEY, "{\"name\": \"laptop\", \"project\": \"sdk-users\"}");
        String secret = key.get("key").asText();
        assertThat(secret).startsWith("sk-clod-").startsWith(key.get("prefix").asText());
        assertThat(key.get("project").asText()).isEqualTo(project);

        OpenAIClient sdk = OpenAIOkHttpClient.builder()
                .baseUrl(server.baseUrl())
                .apiKey(secret)
                .maxRetries(0)
                .build();
        try {
            sdk.chat()
                    .completions()
                    .create(ChatCompletionCreateParams.builder()
                            .model("test-llama@price")
                            .addUserMessage("Bill me")
                            .build());

            JsonNode byModel =
                    JSON.readTree(http.get("/usage?group_by=model", secret).body());
            assertThat(byModel.get("data")).hasSize(1);
            assertThat(byModel.at("/data/0/model").asText()).isEqualTo("test-llama");
            assertThat(byModel.at("/data/0/requests").asInt()).isEqualTo(1);
            assertThat(byModel.at("/data/0/cost_usd").decimalValue()).isPositive();
            JsonNode byDay =
                    JSON.readTree(http.get("/usage?group_by=day", secret).body());
            assertThat(byDay.at("/data/0/day").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
            JsonNode requests =
                    JSON.readTree(http.get("/usage/requests", secret).body());
            assertThat(requests.at("/data/0/deployment").asText()).isEqualTo("test-llama/sim-cheap");
            assertThat(requests.at("/data/0/key").asText())
                    .isEqualTo(key.get("id").asText());

            HttpResponse<String> revoked =
                    http.delete("/admin/keys/" + key.get("id").asText(), RunningServer.ADMIN_KEY);
            assertThat(revoked.statusCode()).isEqualTo(200);
            Assertions.assertThatThrownBy(() -> sdk.chat()
                            .completions()
                            .create(ChatCompletionCreateParams.builder()
                                    .model("test-llama")
                                    .addUserMessage("Still there?")
                                    .build()))
                    .isInstanceOf(UnauthorizedException.class);
        } finally {
            sdk.close();
        }
    }

    @Test
    void keysAreListedWithoutSecrets() throws Exception {
        JsonNode key = http.createKey(RunningServer.ADMIN_KEY, "{\"name\": \"listed\"}");

        String listing = http.get("/admin/keys", RunningServer.ADMIN_KEY).body();

        assertThat(listing)
                .contains(key.get("id").asText())
                .doesNotContain(key.get("key").asText());
    }

    @Test
    void onlyTheAdminKeyManagesProjectsAndKeys() throws Exception {
        HttpResponse<String> refused = http.post("/admin/projects", RunningServer.USER_KEY, "{\"name\": \"sneaky\"}");

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(refused.body()).at("/error/code").asText()).isEqualTo("admin_key_required");
    }

    @Test
    void badAdminInputIsA400NamingTheField() throws Exception {
        HttpResponse<String> unknownModel = http.post(
                "/admin/projects", RunningServer.ADMIN_KEY, "{\"name\": \"x\", \"allowed_models\": [\"nope\"]}");
        HttpResponse<String> badRpm =
                http.post("/admin/keys", RunningServer.ADMIN_KEY, "{\"name\": \"x\", \"rpm\": -1}");
        HttpResponse<String> unknownProject =
                http.post("/admin/keys", RunningServer.ADMIN_KEY, "{\"name\": \"x\", \"project\": \"nowhere\"}");

        assertThat(unknownModel.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(unknownModel.body()).at("/error/param").asText())
                .isEqualTo("allowed_models");
        assertThat(badRpm.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(badRpm.body()).at("/error/param").asText()).isEqualTo("rpm");
        assertThat(unknownProject.statusCode()).isEqualTo(404);
    }

    @Test
    void aModelOutsideTheProjectsListIsForbidden() throws Exception {
        http.createProject(RunningServer.ADMIN_KEY, "{\"name\": \"narrow\", \"allowed_models\": [\"Test Llama\"]}");
        String secret = http.createKey(RunningServer.ADMIN_KEY, "{\"name\": \"n\", \"project\": \"narrow\"}")
                .get("key")
                .asText();

        assertThat(http.chat(secret, "test-llama").statusCode()).isEqualTo(200);
        HttpResponse<String> forbidden = http.chat(secret, "wired-answer");
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(forbidden.body()).at("/error/code").asText()).isEqualTo("model_not_allowed");
    }

    @Test
    void aProjectsKeyReadsNoneOfAnotherProjectsUsageByAnyParameter() throws Exception {
        String a = http.createProject(RunningServer.ADMIN_KEY, "{\"name\": \"team-a\"}");
        String b = http.createProject(RunningServer.ADMIN_KEY, "{\"name\": \"team-b\"}");
        String keyA = http.createKey(RunningServer.ADMIN_KEY, "{\"name\": \"a\", \"project\": \"team-a\"}")
                .get("key")
                .asText();
        String keyB = http.createKey(RunningServer.ADMIN_KEY, "{\"name\": \"b\", \"project\": \"team-b\"}")
                .get("key")
                .asText();
        assertThat(http.chat(keyA, "test-llama").statusCode()).isEqualTo(200);
        assertThat(http.chat(keyB, "test-llama").statusCode()).isEqualTo(200);
        assertThat(http.chat(keyB, "test-llama").statusCode()).isEqualTo(200);

        for (String query : new String[] {
            "/usage?group_by=project",
            "/usage?group_by=project&project=" + b,
            "/usage?group_by=key&project=" + b,
            "/usage/requests?project=" + b,
            "/usage/requests?limit=500"
        }) {
            String seenByA = http.get(query, keyA).body();
            assertThat(seenByA).as(query).doesNotContain(b);
        }
        JsonNode byProject =
                JSON.readTree(http.get("/usage?group_by=project", keyA).body());
        assertThat(byProject.get("data")).hasSize(1);
        assertThat(byProject.at("/data/0/project").asText()).isEqualTo(a);
        assertThat(byProject.at("/data/0/requests").asInt()).isEqualTo(1);

        JsonNode everything = JSON.readTree(
                http.get("/usage?group_by=project", RunningServer.ADMIN_KEY).body());
        Set<String> projects = new HashSet<>();
        everything.get("data").forEach(row -> projects.add(row.get("project").asText()));
        assertThat(projects).contains(a, b);
    }

    @Test
    void aKeyOverItsRequestsPerMinuteGets429WithRetryAfter() throws Exception {
        http.createProject(RunningServer.ADMIN_KEY, "{\"name\": \"limited\"}");
        String secret = http.createKey(
                        RunningServer.ADMIN_KEY, "{\"name\": \"l\", \"project\": \"limited\", \"rpm\": 2}")
                .get("key")
                .asText();

        int ok = 0;
        HttpResponse<String> limited = null;
        for (int i = 0; i < 3 && limited == null; i++) {
            HttpResponse<String> response = http.chat(secret, "test-llama");
            if (response.statusCode() == 200) {
                ok++;
            } else {
                limited = response;
            }
        }

        assertThat(ok).isEqualTo(2);
        assertThat(limited).isNotNull();
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("retry-after")).isPresent();
        assertThat(JSON.readTree(limited.body()).at("/error/code").asText()).isEqualTo("rate_limit_exceeded");
    }

    @Test
    void aProjectOverBudgetGetsInsufficientQuota() throws Exception {
        http.createProject(RunningServer.ADMIN_KEY, "{\"name\": \"frugal\", \"budget_usd_per_month\": 0.000000001}");
        String secret = http.createKey(RunningServer.ADMIN_KEY, "{\"name\": \"f\", \"project\": \"frugal\"}")
                .get("key")
                .asText();

        assertThat(http.chat(secret, "test-llama").statusCode()).isEqualTo(200);
        HttpResponse<String> over = http.chat(secret, "test-llama");

        assertThat(over.statusCode()).isEqualTo(429);
        assertThat(JSON.readTree(over.body()).at("/error/type").asText()).isEqualTo("insufficient_quota");
    }
}
