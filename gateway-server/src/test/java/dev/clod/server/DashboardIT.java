package dev.clod.server;

import static dev.clod.server.AdminClient.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.SelectOption;
import com.microsoft.playwright.options.WaitForSelectorState;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The dashboard at {@code /} in headless Chromium, on the embedded default after real chat requests:
 * signing in from the URL fragment, the usage charts against the usage API, the price window toggle,
 * the site table, a key created and revoked by the admin, a project's key seeing only its project, and
 * a wrong key refused. No page may log an error to the console.
 */
class DashboardIT {

    private static final String PROJECT = "dash-team";
    private static final Pattern HOUR_LABEL = Pattern.compile("\\d{2}:\\d{2}");
    private static final Pattern DAY_LABEL = Pattern.compile("\\d{1,2} [A-Z][a-z]{2}");

    private static RunningServer server;
    private static AdminClient http;
    private static HeadlessChromium chromium;
    private static String projectSecret;

    private BrowserContext context;
    private Page page;
    private final List<String> consoleErrors = new CopyOnWriteArrayList<>();
    /** Console errors a test expects, such as the browser's own line about a refused request. */
    private final List<Pattern> expectedConsoleErrors = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        server = RunningServer.embeddedDefault();
        http = new AdminClient(server.baseUrl());
        http.createProject(RunningServer.ADMIN_KEY, "{\"name\": \"" + PROJECT + "\"}");
        projectSecret = http.createKey(
                        RunningServer.ADMIN_KEY, "{\"name\": \"team-laptop\", \"project\": \"" + PROJECT + "\"}")
                .get("key")
                .asText();
        for (String model : List.of("llama-3.1-8b@price", "llama-3.1-8b@price", "llama-3.1-8b@latency")) {
            assertThat(http.chat(RunningServer.ADMIN_KEY, model).statusCode()).isEqualTo(200);
        }
        for (int i = 0; i < 2; i++) {
            assertThat(http.chat(RunningServer.ADMIN_KEY, "deepseek-v3").statusCode())
                    .isEqualTo(200);
        }
        assertThat(http.chat(projectSecret, "llama-3.1-8b").statusCode()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (chromium != null) {
            chromium.close();
        }
    }

    @BeforeEach
    void openBrowser() {
        // Launched by the first test, so that without Chromium each test reports itself skipped.
        if (chromium == null) {
            chromium = HeadlessChromium.launch();
        }
        context = chromium.browser().newContext();
        context.setDefaultTimeout(20_000);
        page = context.newPage();
        page.onConsoleMessage(message -> {
            if ("error".equals(message.type())) {
                consoleErrors.add(message.text());
            }
        });
        page.onPageError(error -> consoleErrors.add("uncaught: " + error));
    }

    @AfterEach
    void noConsoleErrors() {
        if (context == null) {
            return;
        }
        context.close();
        assertThat(consoleErrors).as("console errors").allMatch(line -> expectedConsoleErrors.stream()
                .anyMatch(expected -> expected.matcher(line).find()));
    }

    @Test
    void signsInFromTheFragmentAndChartsTheRequestsMade() throws Exception {
        open(RunningServer.ADMIN_KEY);

        assertThat(page.locator("#identity-text").textContent()).contains("Admin key");
        assertThat(page.url()).isEqualTo(root()).doesNotContain(RunningServer.ADMIN_KEY);
        assertThat(page.evaluate("() => location.hash + location.search")).isEqualTo("");
        assertThat(page.evaluate("() => localStorage.length + document.cookie.length"))
                .isEqualTo(0);

        // Today, by hour: every figure is the usage API's for the same day.
        JsonNode byModel = usage(RunningServer.ADMIN_KEY, "model");
        waitForChart("chart-models");
        JsonNode requests = chart("chart-requests");
        assertThat(requests.get("labels"))
                .allSatisfy(label -> assertThat(label.asText()).matches(HOUR_LABEL));
        assertThat(sum(requests, 0) + sum(requests, 1)).isEqualTo(total(byModel, "requests"));
        assertThat(total(byModel, "requests")).isEqualTo(6);
        assertThat(sum(requests, 1)).isEqualTo(total(byModel, "failed_requests"));

        JsonNode tokens = chart("chart-tokens");
        assertThat(sum(tokens, 0)).isEqualTo(total(byModel, "prompt_tokens")).isPositive();
        assertThat(sum(tokens, 1))
                .isEqualTo(total(byModel, "completion_tokens"))
                .isPositive();

        JsonNode models = chart("chart-models");
        Map<String, Double> requestsByModel = new HashMap<>();
        for (int i = 0; i < models.get("labels").size(); i++) {
            requestsByModel.put(
                    models.get("labels").get(i).asText(),
                    models.at("/datasets/0/data").get(i).asDouble());
        }
        assertThat(requestsByModel).isEqualTo(Map.of("llama-3.1-8b", 4.0, "deepseek-v3", 2.0));

        JsonNode consumption = chart("chart-consumption");
        assertThat(sum(consumption, 0)).isCloseTo(total(byModel, "cost_usd"), within(1e-12));
        assertThat(sum(consumption, 1)).isCloseTo(total(byModel, "energy_kwh"), within(1e-12));
        assertThat(total(byModel, "energy_kwh")).isPositive();
        assertThat(page.locator("#total-requests").textContent()).isEqualTo("6");
        for (String canvas : List.of("chart-requests", "chart-tokens", "chart-models", "chart-consumption")) {
            assertThat(paintedPixels(canvas)).as(canvas).isPositive();
        }

        // The other periods: one bar a day, the same requests.
        for (Map.Entry<String, Integer> period : Map.of("7d", 7, "30d", 30).entrySet()) {
            page.locator("#period button[data-value='" + period.getKey() + "']").click();
            page.waitForFunction(
                    "days => Chart.getChart('chart-requests').data.labels.length === days", period.getValue());
            JsonNode daily = chart("chart-requests");
            assertThat(daily.get("labels"))
                    .allSatisfy(label -> assertThat(label.asText()).matches(DAY_LABEL));
            assertThat(sum(daily, 0) + sum(daily, 1)).isEqualTo(6);
        }
        assertThat(page.locator("#table-recent tbody tr").count()).isEqualTo(6);
    }

    @Test
    void thePriceWindowToggleChangesTheSeries() throws Exception {
        open(RunningServer.ADMIN_KEY);

        Map<String, JsonNode> charts = new HashMap<>();
        for (Map.Entry<String, Duration> window : List.of(
                Map.entry("24h", Duration.ofHours(24)),
                Map.entry("4h", Duration.ofHours(4)),
                Map.entry("7d", Duration.ofDays(7)))) {
            if (!window.getKey().equals("24h")) {
                page.locator("#price-window button[data-value='" + window.getKey() + "']")
                        .click();
            }
            page.waitForFunction(
                    "span => { const c = Chart.getChart('chart-prices');"
                            + " return c && c.options.scales.x.max - c.options.scales.x.min === span; }",
                    (double) window.getValue().toMillis());
            charts.put(window.getKey(), chart("chart-prices"));
        }

        assertThat(page.locator("#price-model").inputValue()).isEqualTo("llama-3.1-8b");
        for (JsonNode chart : charts.values()) {
            assertThat(chart.get("datasets"))
                    .extracting(dataset -> dataset.get("label").asText())
                    .containsExactly(
                            "Cheapest site", "dallas (ercot-north)", "tulsa (spp-south)", "los-angeles (caiso-sp15)");
        }
        int fourHours = points(charts.get("4h"));
        int day = points(charts.get("24h"));
        int week = points(charts.get("7d"));
        assertThat(fourHours).isPositive().isLessThan(day);
        assertThat(day).isLessThan(week);
        assertThat(charts.get("4h").get("ticks"))
                .allSatisfy(tick -> assertThat(tick.asText()).matches(HOUR_LABEL));
        assertThat(charts.get("7d").get("ticks"))
                .allSatisfy(tick -> assertThat(tick.asText()).matches(DAY_LABEL));

        // The plotted steps are the API's prices: every price change both hold has the same value.
        JsonNode api = JSON.readTree(http.get("/models/llama-3.1-8b/prices?window=7d", RunningServer.ADMIN_KEY)
                        .body())
                .get("cheapest");
        Map<Long, Double> apiOutput = new HashMap<>();
        for (JsonNode point : api) {
            apiOutput.put(
                    java.time.Instant.parse(point.get("at").asText()).toEpochMilli(),
                    point.at("/price_per_1m/output").asDouble());
        }
        int matched = 0;
        for (JsonNode point : charts.get("7d").at("/datasets/0/data")) {
            Double expected = apiOutput.get(point.get("x").asLong());
            if (expected != null) {
                assertThat(point.get("y").asDouble()).isEqualTo(expected);
                matched++;
            }
        }
        assertThat(matched).isGreaterThan(week / 2);

        // Input prices instead of output prices.
        page.locator("#price-side button[data-value='input']").click();
        page.waitForFunction("() => Chart.getChart('chart-prices').options.scales.y.title.text.includes('input')");
        JsonNode input = chart("chart-prices");
        assertThat(input.at("/datasets/0/data/0/y").asDouble())
                .isLessThan(charts.get("7d").at("/datasets/0/data/0/y").asDouble());
    }

    @Test
    void theSiteTableShowsEachSitesPriceAndStatus() throws Exception {
        open(RunningServer.ADMIN_KEY);
        JsonNode sites = JSON.readTree(
                        http.get("/energy/sites", RunningServer.ADMIN_KEY).body())
                .get("data");
        Locator rows = page.locator("#table-sites tbody tr");
        rows.first().waitFor();

        assertThat(rows.count()).isEqualTo(sites.size()).isEqualTo(6);
        for (JsonNode site : sites) {
            Locator row = rows.filter(new Locator.FilterOptions()
                    .setHasText(site.get("grid_location").asText()));
            assertThat(row.count()).isEqualTo(1);
            assertThat(row.locator("td").nth(0).textContent())
                    .isEqualTo(site.get("site").asText());
            assertThat(row.locator("td").nth(3).textContent()).matches("-?\\$[\\d,]+\\.\\d{2}");
            assertThat(row.locator("td").nth(4).textContent()).isEqualTo("live");
            assertThat(row.locator("td").nth(7).textContent()).isEqualTo("–");
        }
    }

    @Test
    void anAdminCreatesAKeySeesItsSecretOnceAndRevokesIt() throws Exception {
        open(RunningServer.ADMIN_KEY);
        page.locator("#key-project option", new Page.LocatorOptions().setHasText(PROJECT))
                .waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.ATTACHED));
        page.locator("#key-form input[name='name']").fill("made-in-the-dashboard");
        page.locator("#key-project").selectOption(new SelectOption().setLabel(PROJECT));
        page.locator("#key-form button[type='submit']").click();

        page.locator("#secret-panel").waitFor();
        String secret = page.locator("#secret-value").inputValue();
        assertThat(secret).startsWith("sk-clod-");
        JsonNode me = JSON.readTree(http.get("/me", secret).body());
        assertThat(me.at("/project/name").asText()).isEqualTo(PROJECT);
        String keyId = me.at("/key/id").asText();

        page.locator("#secret-done").click();
        assertThat(page.locator("#secret-panel").isHidden()).isTrue();
        assertThat(page.content()).doesNotContain(secret);
        assertThat(page.locator("#secret-value").inputValue()).isEmpty();
        assertThat(page.evaluate("() => JSON.stringify({...sessionStorage}) + JSON.stringify({...localStorage})"))
                .asString()
                .doesNotContain(secret);

        Locator row = page.locator("#table-keys tbody tr")
                .filter(new Locator.FilterOptions().setHasText("made-in-the-dashboard"));
        assertThat(row.textContent()).contains("active").contains(secret.substring(0, 12));
        Locator revoke = row.locator("button[data-key-id='" + keyId + "']");

        // Cancelling the confirmation keeps the key.
        revoke.click();
        page.locator("#revoke-dialog[open]").waitFor();
        assertThat(page.locator("#revoke-text").textContent()).contains("made-in-the-dashboard");
        page.locator("#revoke-dialog button[value='cancel']").click();
        assertThat(page.locator("#revoke-dialog").isHidden()).isTrue();
        assertThat(http.get("/me", secret).statusCode()).isEqualTo(200);

        revoke.click();
        page.locator("#revoke-confirm").click();
        row.locator(".badge.revoked").waitFor();
        assertThat(row.locator("button").count()).isZero();
        assertThat(http.get("/me", secret).statusCode()).isEqualTo(401);
        assertThat(http.get("/models", secret).statusCode()).isEqualTo(401);
    }

    @Test
    void aProjectsKeySeesItsOwnProjectOnlyAndSignsOut() throws Exception {
        open(projectSecret);

        assertThat(page.locator("#identity-text").textContent())
                .contains("team-laptop")
                .contains(PROJECT);
        assertThat(page.locator("#admin").isHidden()).isTrue();
        assertThat(page.locator("#project-filter-label").isHidden()).isTrue();
        waitForChart("chart-models");
        JsonNode requests = chart("chart-requests");
        assertThat(sum(requests, 0) + sum(requests, 1)).isEqualTo(1);
        assertThat(chart("chart-models").get("labels"))
                .extracting(JsonNode::asText)
                .containsExactly("llama-3.1-8b");

        page.locator("#sign-out").click();
        page.locator("#sign-in").waitFor();
        assertThat(page.locator("#dashboard").isHidden()).isTrue();
        assertThat(page.evaluate("() => sessionStorage.length")).isEqualTo(0);
        assertThat(page.evaluate("() => Chart.getChart('chart-requests') === undefined"))
                .isEqualTo(true);
    }

    @Test
    void aWrongKeyIsRefusedWithTheGatewaysMessage() {
        // The browser itself reports the refused call; the page shows why instead of failing.
        expectedConsoleErrors.add(Pattern.compile("status of 401"));
        page.navigate(root() + "#key=sk-clod-not-a-key-of-this-gateway");

        Locator error = page.locator("#sign-in-error");
        error.waitFor();
        assertThat(error.textContent()).contains("401").contains("Incorrect API key");
        assertThat(page.locator("#dashboard").isHidden()).isTrue();
        assertThat(page.url()).isEqualTo(root());
        assertThat(page.evaluate("() => sessionStorage.length")).isEqualTo(0);
    }

    private String root() {
        return "http://127.0.0.1:" + server.port() + "/";
    }

    private void open(String key) {
        page.navigate(root() + "#key=" + key);
        page.locator("#dashboard").waitFor();
    }

    private void waitForChart(String canvas) {
        page.waitForFunction("id => Chart.getChart(id) !== undefined", canvas);
    }

    /** A chart's labels, datasets and the x axis' tick labels, as the page's Chart.js instance holds them. */
    private JsonNode chart(String canvas) throws Exception {
        Object json = page.evaluate(
                "id => { const c = Chart.getChart(id); return JSON.stringify({labels: c.data.labels || [],"
                        + " datasets: c.data.datasets.map(d => ({label: d.label, data: d.data})),"
                        + " ticks: (c.scales.x.ticks || []).map(t => String(t.label))}); }",
                canvas);
        return JSON.readTree((String) json);
    }

    private int paintedPixels(String canvas) {
        Object painted = page.evaluate(
                "id => { const canvas = document.getElementById(id);"
                        + " const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;"
                        + " let painted = 0; for (let i = 3; i < pixels.length; i += 4) { if (pixels[i] > 0) painted++; }"
                        + " return painted; }",
                canvas);
        return ((Number) painted).intValue();
    }

    private static JsonNode usage(String key, String groupBy) throws Exception {
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        return JSON.readTree(http.get("/usage?group_by=" + groupBy + "&from=" + today, key)
                        .body())
                .get("data");
    }

    private static double total(JsonNode rows, String field) {
        double total = 0;
        for (JsonNode row : rows) {
            total += row.get(field).asDouble();
        }
        return total;
    }

    private static double sum(JsonNode chart, int dataset) {
        double total = 0;
        for (JsonNode value : chart.at("/datasets/" + dataset + "/data")) {
            total += value.asDouble();
        }
        return total;
    }

    private static int points(JsonNode chart) {
        return chart.at("/datasets/0/data").size();
    }
}
