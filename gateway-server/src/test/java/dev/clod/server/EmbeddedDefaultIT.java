package dev.clod.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clod.gateway.testing.ShippedPrices;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What a new user gets from the server with no configuration at all. */
class EmbeddedDefaultIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static RunningServer server;

    @BeforeAll
    static void start() {
        server = RunningServer.embeddedDefault();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void listsTheDemoModelsWithProxiedOnesUnavailableUntilTheirKeyIsSet() throws Exception {
        JsonNode list = JSON.readTree(get("/models").body());

        Map<String, JsonNode> byId = new HashMap<>();
        list.get("data").forEach(model -> byId.put(model.get("id").asText(), model));
        assertThat(byId).containsKeys("llama-3.1-8b", "deepseek-v3", "minimax-m2.5", "gpt-4o");
        assertThat(byId.get("llama-3.1-8b").get("available").asBoolean()).isTrue();
        assertThat(byId.get("llama-3.1-8b").get("owned_by").asText()).isEqualTo("simulated");
        assertThat(byId.get("llama-3.1-8b").get("context_window").asInt()).isEqualTo(131072);
        assertThat(byId.get("llama-3.1-8b").get("capabilities"))
                .extracting(JsonNode::asText)
                .contains("tools");
        assertThat(byId.get("llama-3.1-8b").at("/pricing/input").decimalValue()).isPositive();
        assertThat(byId.get("gpt-4o").get("available").asBoolean()).isFalse();
        assertThat(byId.get("gpt-4o").get("unavailable_reason").asText()).contains("OPENAI_API_KEY");
        assertThat(byId.get("gpt-4o").at("/pricing").isNull()).isTrue();
    }

    @Test
    void latencyAndTokenRatePickTheQuickestAndTheFastestSite() throws Exception {
        assertThat(provider(chat("llama-3.1-8b@latency"))).isEqualTo("sim-dallas");
        assertThat(provider(chat("llama-3.1-8b@tokenrate"))).isEqualTo("sim-tulsa");
        assertThat(provider(chat("llama-3.1-8b@latency@price")))
                .isEqualTo(provider(chat("llama-3.1-8b@price@latency")));
    }

    @Test
    void priceNamesTheSiteTheShippedTracesMakeCheapestAtTheReplayedInstant() throws Exception {
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> answer = chat("llama-3.1-8b@price");
            Instant pricedAt = Instant.parse(
                    answer.headers().firstValue("x-clod-priced-at").orElseThrow());
            String site = answer.headers().firstValue("x-clod-site").orElseThrow();

            // The demo replays summer 2024 from a week into the data.
            assertThat(pricedAt).isAfterOrEqualTo(Instant.parse("2024-08-12T12:00:00Z"));
            assertThat(ShippedPrices.meterPrice(site, pricedAt))
                    .as("site %s at %s", site, pricedAt)
                    .isEqualByComparingTo(ShippedPrices.meterPrice(
                            ShippedPrices.cheapestSite(List.of("dallas", "tulsa", "los-angeles"), pricedAt), pricedAt));
            assertThat(provider(answer)).isEqualTo("sim-" + site);
        }
    }

    private static String provider(HttpResponse<String> answer) {
        return answer.headers().firstValue("x-clod-provider").orElseThrow();
    }

    private static HttpResponse<String> chat(String model) throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(server.baseUrl() + "/chat/completions"))
                        .header("authorization", "Bearer " + RunningServer.ADMIN_KEY)
                        .header("content-type", "application/json")
                        .POST(
                                HttpRequest.BodyPublishers.ofString(
                                        "{\"model\": \"" + model
                                                + "\", \"max_tokens\": 8, \"messages\": [{\"role\": \"user\", \"content\": \"Say hello\"}]}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response;
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                        .header("authorization", "Bearer " + RunningServer.ADMIN_KEY)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
