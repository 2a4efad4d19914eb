package dev.clod.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clod.gateway.testing.ShippedPrices;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The energy endpoints on the embedded default, checked against the shipped CSV files read on their
 * own: the sites' prices now, a model's price over a window, the windows ahead, and bad queries.
 */
class EnergyIT {

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
    void sitesShowTheShippedPriceAtTheReplayedInstantAndTheTokenPricesItGives() throws Exception {
        JsonNode sites = JSON.readTree(get("/energy/sites").body());
        Instant asOf = Instant.parse(sites.get("as_of").asText());

        assertThat(sites.get("data")).hasSize(6);
        for (JsonNode site : sites.get("data")) {
            String location = site.get("grid_location").asText();
            assertThat(site.get("usd_per_mwh").decimalValue())
                    .as(location)
                    .isEqualByComparingTo(ShippedPrices.usdPerMwh(location, asOf));
            assertThat(site.get("status").asText()).isEqualTo("live");
            assertThat(site.get("models")).isNotEmpty();
            assertThat(site.at("/models/0/price_per_1m/input").decimalValue()).isNotNull();
        }
    }

    @Test
    void aModelsPriceOverTwentyFourHoursFollowsEachGridAndTheCheapestIsTheLowestSite() throws Exception {
        JsonNode prices =
                JSON.readTree(get("/models/llama-3.1-8b/prices?window=24h").body());
        Instant from = Instant.parse(prices.get("from").asText());
        Instant to = Instant.parse(prices.get("to").asText());

        assertThat(Duration.between(from, to)).isEqualTo(Duration.ofHours(24));
        assertThat(prices.get("sites")).hasSize(3);
        for (JsonNode site : prices.get("sites")) {
            JsonNode series = site.get("series");
            String location = site.get("grid_location").asText();
            // At least one point an hour (hourly or finer data), each equal to the CSV row then.
            assertThat(series.size()).as(location).isGreaterThanOrEqualTo(24);
            for (JsonNode point : series) {
                Instant at = Instant.parse(point.get("at").asText());
                assertThat(point.get("usd_per_mwh").decimalValue())
                        .as("%s at %s", location, at)
                        .isEqualByComparingTo(ShippedPrices.usdPerMwh(location, at));
            }
        }
        List<String> cheapestSites = new ArrayList<>();
        for (JsonNode point : prices.get("cheapest")) {
            Instant at = Instant.parse(point.get("at").asText());
            String site = point.get("site").asText();
            BigDecimal lowest = ShippedPrices.meterPrice(
                    ShippedPrices.cheapestSite(List.of("dallas", "tulsa", "los-angeles"), at), at);
            assertThat(ShippedPrices.meterPrice(site, at))
                    .as("%s at %s", site, at)
                    .isEqualByComparingTo(lowest);
            cheapestSites.add(site);
        }
        assertThat(cheapestSites).isNotEmpty();
    }

    @Test
    void windowsEndBeforeTheDeadlineAndComeBestFirst() throws Exception {
        JsonNode windows = JSON.readTree(get("/energy/windows?model=llama-3.1-8b&duration=2h&deadline=20h&count=4")
                .body());
        Instant asOf = Instant.parse(windows.get("as_of").asText());
        Instant deadline = Instant.parse(windows.get("deadline").asText());

        assertThat(Duration.between(asOf, deadline)).isEqualTo(Duration.ofHours(20));
        assertThat(windows.get("data")).hasSize(4);
        BigDecimal previous = BigDecimal.ZERO;
        for (JsonNode window : windows.get("data")) {
            Instant start = Instant.parse(window.get("start").asText());
            Instant end = Instant.parse(window.get("end").asText());
            assertThat(Duration.between(start, end)).isEqualTo(Duration.ofHours(2));
            assertThat(start).isAfterOrEqualTo(asOf);
            assertThat(end).isBeforeOrEqualTo(deadline);
            assertThat(window.get("site").asText()).isIn("dallas", "tulsa", "los-angeles");
            assertThat(window.get("basis").asText()).isIn("day_ahead", "forecast", "mixed");
            BigDecimal output = window.at("/expected_price_per_1m/output").decimalValue();
            assertThat(output).isGreaterThanOrEqualTo(previous);
            previous = output;
        }
    }

    @Test
    void aHostedRequestIsBilledAtItsSitesPriceAndLedgersItsEnergy() throws Exception {
        HttpResponse<String> answer = HTTP.send(
                HttpRequest.newBuilder(URI.create(server.baseUrl() + "/chat/completions"))
                        .header("authorization", "Bearer " + RunningServer.ADMIN_KEY)
                        .header("content-type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"model\": \"deepseek-v3@price\", \"max_tokens\": 16,"
                                        + " \"messages\": [{\"role\": \"user\", \"content\": \"Hello\"}]}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(new BigDecimal(answer.headers().firstValue("x-clod-cost-usd").orElseThrow()))
                .isPositive();

        JsonNode usage = JSON.readTree(get("/usage?group_by=model").body());
        JsonNode deepseek = null;
        for (JsonNode row : usage.get("data")) {
            if (row.get("model").asText().equals("deepseek-v3")) {
                deepseek = row;
            }
        }
        assertThat(deepseek).isNotNull();
        assertThat(deepseek.get("energy_kwh").decimalValue()).isPositive();
    }

    @Test
    void badQueriesAreRejectedInOpenAisShape() throws Exception {
        assertError("/models/llama-3.1-8b/prices?window=3h", 400, "window");
        assertError("/models/nope/prices?window=24h", 404, null);
        assertError("/energy/windows?model=llama-3.1-8b&duration=2h&deadline=1h", 400, "deadline");
        assertError("/energy/windows?model=llama-3.1-8b&duration=soon&deadline=12h", 400, "duration");
        assertError("/energy/windows?model=llama-3.1-8b&duration=2h&deadline=tomorrow", 400, "deadline");
        assertError("/energy/windows?duration=2h&deadline=12h", 400, "model");
        assertError("/energy/windows?model=llama-3.1-8b&duration=2h&deadline=12h&count=0", 400, "count");
        assertError("/energy/windows?model=llama-3.1-8b&duration=2h&deadline=30d", 400, "deadline");
    }

    private static void assertError(String path, int status, String param) throws Exception {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(status);
        JsonNode error = JSON.readTree(response.body()).get("error");
        assertThat(error.get("message").asText()).isNotBlank();
        if (param != null) {
            assertThat(error.get("param").asText()).isEqualTo(param);
        }
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                        .header("authorization", "Bearer " + RunningServer.ADMIN_KEY)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
