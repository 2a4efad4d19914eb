package dev.clod.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code /metrics} after real traffic: requests, latency, tokens, cost, energy, failures, fallbacks, sites. */
class MetricsIT {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static RunningServer server;

    @BeforeAll
    static void start() throws Exception {
        int deadPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            deadPort = socket.getLocalPort(); // closed again: nothing listens there
        }
        server = RunningServer.withCatalog("/metrics-catalog.yaml", Map.of("DEAD_PORT", Integer.toString(deadPort)));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void countsWhatTrafficDid() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(
                            chat("{\"model\": \"m@price\", \"max_tokens\": 8, \"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]}")
                                    .statusCode())
                    .isEqualTo(200);
        }
        assertThat(chat("{\"model\": \"m@price\", \"stream\": true, \"max_tokens\": 8,"
                                + " \"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]}")
                        .statusCode())
                .isEqualTo(200);

        HttpResponse<String> scraped = HTTP.send(
                HttpRequest.newBuilder(URI.create(server.baseUrl().replace("/v1", "") + "/metrics"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String metrics = scraped.body();

        assertThat(scraped.statusCode()).isEqualTo(200);
        assertThat(scraped.headers().firstValue("content-type").orElseThrow()).startsWith("text/plain");
        assertThat(value(metrics, "clod_requests_total", "deployment=\"m/sim\"", "status=\"200\"", "stream=\"false\""))
                .isEqualTo(3);
        assertThat(value(metrics, "clod_requests_total", "deployment=\"m/sim\"", "stream=\"true\""))
                .isEqualTo(1);
        // The dead deployment fails once; the router then cools it down and the next requests skip it.
        assertThat(value(metrics, "clod_upstream_errors_total", "deployment=\"m/dead\"", "class=\"transient\""))
                .isEqualTo(1);
        assertThat(value(metrics, "clod_fallbacks_total", "from=\"m/dead\"", "to=\"m/sim\""))
                .isEqualTo(1);
        assertThat(value(metrics, "clod_request_duration_seconds_count", "deployment=\"m/sim\""))
                .isEqualTo(4);
        assertThat(value(metrics, "clod_time_to_first_token_seconds_count", "deployment=\"m/sim\""))
                .isEqualTo(4);
        assertThat(metrics).contains("clod_request_duration_seconds_bucket{deployment=\"m/sim\"");
        assertThat(value(metrics, "clod_tokens_total", "deployment=\"m/sim\"", "kind=\"completion\""))
                .isPositive();
        assertThat(value(metrics, "clod_cost_usd_total", "deployment=\"m/sim\""))
                .isPositive();
        assertThat(value(metrics, "clod_energy_kwh_total", "deployment=\"m/sim\"", "site=\"here\""))
                .isPositive();
        assertThat(value(metrics, "clod_energy_price_usd_per_mwh", "site=\"here\""))
                .isEqualTo(40);
        assertThat(value(metrics, "clod_energy_price_status", "site=\"here\"", "status=\"live\""))
                .isEqualTo(1);
        assertThat(value(metrics, "clod_energy_feed_last_success_age_seconds", "site=\"here\""))
                .isNotNegative();
        assertThat(value(metrics, "clod_ledger_pending_records")).isNotNegative();
        assertThat(metrics).contains("jvm_memory_used_bytes");
    }

    /** The value of the first sample of {@code name} whose labels include all of {@code labels}. */
    private static double value(String metrics, String name, String... labels) {
        Pattern line =
                Pattern.compile("^" + Pattern.quote(name) + "(\\{[^}]*\\})? ([-+0-9.eE]+|NaN)$", Pattern.MULTILINE);
        Matcher matcher = line.matcher(metrics);
        while (matcher.find()) {
            String found = matcher.group(1) == null ? "" : matcher.group(1);
            boolean all = true;
            for (String label : labels) {
                all &= found.contains(label);
            }
            if (all) {
                return Double.parseDouble(matcher.group(2));
            }
        }
        throw new AssertionError("no sample " + name + " with " + String.join(", ", labels) + " in:\n" + metrics);
    }

    private static HttpResponse<String> chat(String body) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(server.baseUrl() + "/chat/completions"))
                        .header("authorization", "Bearer " + RunningServer.ADMIN_KEY)
                        .header("content-type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
