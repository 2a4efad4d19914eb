package dev.clod.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.clod.gateway.catalog.Deployment;
import dev.clod.gateway.catalog.DeploymentPricing;
import dev.clod.gateway.catalog.Site;
import dev.clod.gateway.energy.Market;
import dev.clod.gateway.energy.TraceKey;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Sites, energy feeds and energy-priced deployments: what binds, and what stops the start. */
class EnergyConfigTest {

    private static final String SITE_AND_MODEL = """
            sites: [{id: dallas, grid_location: ercot-north, pue: 1.2}]
            providers: [{id: vllm, kind: simulated, site: dallas}]
            models:
              - id: m
                category: hosted
                context_window: 1000
                deployments:
                  - {provider: vllm, energy: {kwh_per_1m_input: 0.004, kwh_per_1m_output: 0.035},
                     fixed_per_1m: {input: 0.02, output: 0.05}, margin: 0.2}
            """;

    @TempDir
    Path dir;

    @Test
    void bindsSitesFeedsTheReplayClockAndEnergyPricedDeployments() throws IOException {
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("data/ercot.csv"), """
                timestamp_utc,location,market,usd_per_mwh
                2024-08-10T00:00:00Z,ercot-north,rt,31.5
                2024-08-10T00:15:00Z,ercot-north,rt,-2
                2024-08-10T00:00:00Z,ercot-north,da,30
                """);
        Files.writeString(dir.resolve("clod.yaml"), """
                energy:
                  feeds: [{kind: csv, path: data/ercot.csv}]
                  clock: {replay_start: "2024-08-10T00:00:00Z", speed: 60}
                  max_age_minutes: 90
                  fallback_usd_per_mwh: 150
                """ + SITE_AND_MODEL);

        GatewayConfig config = ConfigLoader.load(dir.resolve("clod.yaml"), Map.of());

        assertThat(config.sites()).containsExactly(new Site("dallas", "ercot-north", new BigDecimal("1.2")));
        assertThat(config.energy().replay())
                .isEqualTo(new EnergySettings.Replay(Instant.parse("2024-08-10T00:00:00Z"), 60));
        assertThat(config.energy().policy().maxAge()).isEqualTo(Duration.ofMinutes(90));
        assertThat(config.energy().policy().fallbackUsdPerMwh()).isEqualByComparingTo("150");
        FeedSpec.Traces feed = (FeedSpec.Traces) config.energy().feeds().get(0);
        assertThat(feed.traces())
                .containsKeys(
                        new TraceKey("ercot-north", Market.REAL_TIME), new TraceKey("ercot-north", Market.DAY_AHEAD));
        Deployment deployment =
                config.catalog().find("m").orElseThrow().deployments().get(0);
        assertThat(deployment.pricing()).isInstanceOfSatisfying(DeploymentPricing.EnergyBased.class, energy -> {
            assertThat(energy.site().id()).isEqualTo("dallas");
            assertThat(energy.pricing().energy().kwhPer1mOutput()).isEqualByComparingTo("0.035");
            assertThat(energy.pricing().fixed().output()).isEqualByComparingTo("0.05");
            assertThat(energy.pricing().margin()).isEqualByComparingTo("0.2");
        });
        assertThat(deployment.listedPrice()).isNull();
    }

    @Test
    void bindsHttpAndFixedFeeds() {
        GatewayConfig config = ConfigLoader.parse("""
                sites:
                  - {id: dallas, grid_location: ercot-north, pue: 1.2}
                  - {id: boston, grid_location: isone-hub, pue: 1.3}
                energy:
                  feeds:
                    - {kind: http, url: "https://prices.example/v1/lmp", locations: [ercot-north], poll_seconds: 60,
                       headers: {Authorization: "Bearer ${FEED_TOKEN}"}}
                    - {kind: fixed, prices: {isone-hub: 42.5}}
                providers:
                  - {id: a, kind: simulated, site: dallas}
                models: [{id: m, category: free, context_window: 10, max_output_tokens: 5, deployments: [{provider: a}]}]
                """, "t.yaml", Map.of("FEED_TOKEN", "s3cret"));

        FeedSpec.Http http = (FeedSpec.Http) config.energy().feeds().get(0);
        assertThat(http.url()).isEqualTo(URI.create("https://prices.example/v1/lmp"));
        assertThat(http.pollInterval()).isEqualTo(Duration.ofSeconds(60));
        assertThat(http.headers()).containsEntry("Authorization", "Bearer s3cret");
        assertThat(http.toString()).doesNotContain("s3cret");
        assertThat(((FeedSpec.Fixed) config.energy().feeds().get(1)).usdPerMwh())
                .containsEntry("isone-hub", new BigDecimal("42.5"));
    }

    @Test
    void theShippedFeedCarriesTheSixGridsAndCanBeNarrowed() {
        GatewayConfig config = ConfigLoader.parse("""
                energy: {feeds: [{kind: shipped, locations: [caiso-sp15]}]}
                sites: [{id: la, grid_location: caiso-sp15, pue: 1.1}]
                providers: [{id: a, kind: simulated, site: la}]
                models: [{id: m, category: free, context_window: 10, max_output_tokens: 5, deployments: [{provider: a}]}]
                """, "t.yaml", Map.of());

        assertThat(config.energy().feeds().get(0).locations()).containsExactly("caiso-sp15");
    }

    static Stream<Arguments> problems() {
        String model = """
                models: [{id: m, category: hosted, context_window: 10, max_output_tokens: 5,
                          deployments: [{provider: a, energy: {kwh_per_1m_input: 1, kwh_per_1m_output: 1}}]}]
                """;
        String fixedFeed = "energy: {feeds: [{kind: fixed, prices: {ercot-north: 40}}]}\n";
        return Stream.of(
                Arguments.of(
                        "a site whose location no feed prices",
                        "sites: [{id: d, grid_location: pjm-dom, pue: 1.2}]\n" + fixedFeed
                                + "providers: [{id: a, kind: simulated, site: d}]\n" + model,
                        "sites[0].grid_location: unknown location \"pjm-dom\": no energy feed prices it (energy.feeds price: ercot-north)"),
                Arguments.of(
                        "sites without any feed",
                        "sites: [{id: d, grid_location: ercot-north, pue: 1.2}]\n"
                                + "providers: [{id: a, kind: simulated, site: d}]\n" + model,
                        "sites[0].grid_location: unknown location \"ercot-north\": no energy feed prices it (energy.feeds price: nothing)"),
                Arguments.of(
                        "a PUE below 1",
                        "sites: [{id: d, grid_location: ercot-north, pue: 0.9}]\n" + fixedFeed
                                + "providers: [{id: a, kind: simulated, site: d}]\n" + model,
                        "sites[0].pue: must be at least 1 (a site uses at least what its servers do), got 0.9"),
                Arguments.of(
                        "a duplicate site",
                        "sites: [{id: d, grid_location: ercot-north, pue: 1.2}, {id: d, grid_location: ercot-north, pue: 1.3}]\n"
                                + fixedFeed + "providers: [{id: a, kind: simulated, site: d}]\n" + model,
                        "sites[1].id: duplicate site id \"d\" (also sites[0])"),
                Arguments.of(
                        "an energy-priced deployment at an undeclared site",
                        fixedFeed + "providers: [{id: a, kind: simulated, site: nowhere}]\n" + model,
                        "models[0].deployments[0].provider: provider a is at site \"nowhere\", which is not declared under sites (declared: none)"),
                Arguments.of(
                        "an energy-priced deployment without a site",
                        fixedFeed + "providers: [{id: a, kind: simulated}]\n" + model,
                        "models[0].deployments[0].energy: provider a has no site: an energy-priced deployment runs at a site (providers[].site)"),
                Arguments.of(
                        "energy on a proxied model",
                        "providers: [{id: a, kind: simulated}]\n"
                                + model.replace("category: hosted", "category: proxied"),
                        "models[0].deployments[0].energy: a proxied model is priced by its provider's list (price_per_1m), not by energy"),
                Arguments.of(
                        "both a list price and energy",
                        "sites: [{id: d, grid_location: ercot-north, pue: 1.2}]\n" + fixedFeed
                                + "providers: [{id: a, kind: simulated, site: d}]\n"
                                + model.replace("energy:", "price_per_1m: {input: 1, output: 1}, energy:"),
                        "models[0].deployments[0].price_per_1m: give either price_per_1m or energy, not both"),
                Arguments.of(
                        "a margin without energy",
                        "providers: [{id: a, kind: simulated}]\n"
                                + "models: [{id: m, category: hosted, context_window: 10, max_output_tokens: 5,"
                                + " deployments: [{provider: a, price_per_1m: {input: 1, output: 1}, margin: 0.1}]}]\n",
                        "models[0].deployments[0].margin: only a deployment priced by its site's energy (energy:) takes margin"),
                Arguments.of(
                        "an unknown feed kind",
                        "energy: {feeds: [{kind: ftp}]}\nproviders: [{id: a, kind: simulated}]\n" + free(),
                        "energy.feeds[0].kind: unknown feed kind \"ftp\" (valid: csv, shipped, http, fixed)"),
                Arguments.of(
                        "an http feed without locations",
                        "energy: {feeds: [{kind: http, url: \"https://x.example/p\"}]}\nproviders: [{id: a, kind: simulated}]\n"
                                + free(),
                        "energy.feeds[0].locations: an http feed lists the locations it prices"),
                Arguments.of(
                        "an http feed with another scheme",
                        "energy: {feeds: [{kind: http, url: \"ftp://x.example/p\", locations: [a]}]}\nproviders: [{id: a, kind: simulated}]\n"
                                + free(),
                        "energy.feeds[0].url: must be an http(s) URL, got \"ftp://x.example/p\""),
                Arguments.of(
                        "a location priced by two feeds",
                        "energy: {feeds: [{kind: fixed, prices: {a: 1}}, {kind: fixed, prices: {a: 2}}]}\n"
                                + "providers: [{id: a, kind: simulated}]\n" + free(),
                        "energy.feeds[1]: location \"a\" is already priced by energy.feeds[0]"),
                Arguments.of(
                        "an unknown shipped location",
                        "energy: {feeds: [{kind: shipped, locations: [pjm-dom]}]}\nproviders: [{id: a, kind: simulated}]\n"
                                + free(),
                        "energy.feeds[0].locations: unknown location \"pjm-dom\" (this feed has: caiso-sp15, ercot-north, isone-hub, miso-illinois, nyiso-nyc, spp-south)"),
                Arguments.of(
                        "a replay start that is not an instant",
                        "energy: {feeds: [], clock: {replay_start: \"10 August\"}}\nproviders: [{id: a, kind: simulated}]\n"
                                + free(),
                        "energy.clock.replay_start: expected an ISO-8601 UTC instant such as 2024-08-10T00:00:00Z, got \"10 August\""),
                Arguments.of(
                        "a missing trace file",
                        "energy: {feeds: [{kind: csv, path: no-such-file.csv}]}\nproviders: [{id: a, kind: simulated}]\n"
                                + free(),
                        "energy.feeds[0].path: cannot read the trace file no-such-file.csv: no-such-file.csv"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("problems")
    void reportsEachProblemWithItsPath(String name, String yaml, String problem) {
        ConfigException error =
                catchThrowableOfType(ConfigException.class, () -> ConfigLoader.parse(yaml, "t.yaml", Map.of()));

        assertThat(error).as("expected the configuration to be rejected").isNotNull();
        assertThat(error.problems()).contains(problem);
    }

    @Test
    void aMalformedTraceRowStopsTheStartNamingFileAndLine() throws IOException {
        Files.writeString(dir.resolve("bad.csv"), """
                timestamp_utc,location,market,usd_per_mwh
                2024-08-10T00:00:00Z,ercot-north,rt,31.5
                2024-08-10T01:00:00+01:00,ercot-north,rt,30
                """);
        Files.writeString(
                dir.resolve("clod.yaml"),
                "energy: {feeds: [{kind: csv, path: bad.csv}]}\n" + "providers: [{id: a, kind: simulated}]\n" + free());

        ConfigException error = catchThrowableOfType(
                ConfigException.class, () -> ConfigLoader.load(dir.resolve("clod.yaml"), Map.of()));

        assertThat(error.problems())
                .singleElement()
                .asString()
                .isEqualTo(
                        "energy.feeds[0].path: bad.csv line 3: timestamp '2024-08-10T01:00:00+01:00' must be UTC ending in Z, such as 2024-07-02T00:15:00Z");
    }

    private static String free() {
        return "models: [{id: m, category: free, context_window: 10, max_output_tokens: 5, deployments: [{provider: a}]}]\n";
    }
}
