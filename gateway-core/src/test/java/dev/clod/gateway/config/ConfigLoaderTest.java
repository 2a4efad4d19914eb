package dev.clod.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clod.gateway.catalog.Capability;
import dev.clod.gateway.catalog.Category;
import dev.clod.gateway.catalog.Deployment;
import dev.clod.gateway.catalog.ListPrice;
import dev.clod.gateway.catalog.Model;
import dev.clod.gateway.routing.Objective;
import dev.clod.gateway.routing.Strategy;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ConfigLoaderTest {

    private static final Map<String, String> FULL_ENV =
            Map.of("ADMIN_KEY", "admin-secret", "DEMO_KEY", "sk-demo", "TOGETHER_API_KEY", "tg-key");

    @Test
    void bindsEveryKey() throws Exception {
        GatewayConfig config = ConfigLoader.load(resource("full.yaml"), FULL_ENV);

        assertThat(config.server()).isEqualTo(new ServerSettings("0.0.0.0", 9090, 1_048_576));
        assertThat(config.adminKey()).isEqualTo("admin-secret");
        assertThat(config.defaultStrategy()).isEqualTo(Strategy.of(Objective.PRICE, Objective.LATENCY));
        assertThat(config.apiKeys())
                .containsExactly(
                        new ApiKeyConfig("demo", "sk-demo", Strategy.of(Objective.TOKEN_RATE, Objective.LATENCY)),
                        new ApiKeyConfig("batch", "sk-batch-literal", null));

        assertThat(config.providers())
                .containsExactly(
                        new ProviderConfig(
                                "vllm-dallas",
                                "openai",
                                "http://10.0.0.5:8000/v1",
                                null,
                                null,
                                "dallas",
                                Duration.ofMillis(2000),
                                Duration.ofMillis(30000),
                                Map.of("X-Extra", "v", "X-Team", "core"),
                                null,
                                0),
                        new ProviderConfig(
                                "together",
                                "openai",
                                "https://api.together.xyz/v1",
                                "tg-key",
                                null,
                                null,
                                ProviderConfig.DEFAULT_CONNECT_TIMEOUT,
                                ProviderConfig.DEFAULT_TIMEOUT,
                                Map.of(),
                                null,
                                0),
                        new ProviderConfig(
                                "sim-boston",
                                "simulated",
                                null,
                                null,
                                null,
                                "boston",
                                ProviderConfig.DEFAULT_CONNECT_TIMEOUT,
                                ProviderConfig.DEFAULT_TIMEOUT,
                                Map.of(),
                                Duration.ZERO,
                                12.5));
        assertThat(config.provider("vllm-dallas").orElseThrow().headers().keySet())
                .containsExactly("X-Extra", "X-Team");

        Model llama = config.catalog().find("llama 3 8b").orElseThrow();
        assertThat(llama)
                .isEqualTo(new Model(
                        "llama-3.1-8b",
                        "Llama 3.1 8B",
                        List.of("llama3-8b", "Llama 3 8B"),
                        Category.HOSTED,
                        131_072,
                        8192,
                        Set.of(Capability.TOOLS, Capability.JSON),
                        List.of(
                                new Deployment(
                                        "llama-3.1-8b/vllm-dallas",
                                        "llama-3.1-8b",
                                        "vllm-dallas",
                                        "meta-llama/Llama-3.1-8B-Instruct",
                                        "dallas",
                                        price("0.02", "0.05")),
                                new Deployment(
                                        "llama-3.1-8b/together",
                                        "llama-3.1-8b",
                                        "together",
                                        "meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo",
                                        null,
                                        price("0.18", "0.18")),
                                new Deployment(
                                        "llama-3.1-8b/sim-boston",
                                        "llama-3.1-8b",
                                        "sim-boston",
                                        "llama-3.1-8b",
                                        "boston",
                                        price("0.1", "0.30000000000000004")))));

        Model qwen = config.catalog().find("qwen-2.5-7b").orElseThrow();
        assertThat(qwen.name()).isEqualTo("qwen-2.5-7b");
        assertThat(qwen.maxOutputTokens()).isEqualTo(4096);
        assertThat(qwen.capabilities()).isEmpty();
        assertThat(qwen.deployments()).extracting(Deployment::listedPrice).containsOnly(ListPrice.FREE);
        assertThat(config.catalog().deployment("qwen-2.5-7b/sim-boston")).isPresent();
    }

    @Test
    void appliesDefaultsToAMinimalFile() throws Exception {
        GatewayConfig config = ConfigLoader.load(resource("minimal.yaml"), Map.of());

        assertThat(config.server()).isEqualTo(new ServerSettings("127.0.0.1", 8080, 4_194_304));
        assertThat(config.adminKey()).isNull();
        assertThat(config.defaultStrategy()).isEqualTo(Strategy.of(Objective.PRICE));
        assertThat(config.apiKeys()).isEmpty();
        ProviderConfig sim = config.providers().get(0);
        assertThat(sim.simulatedTtft()).isEqualTo(Duration.ofMillis(200));
        assertThat(sim.simulatedTokensPerSecond()).isEqualTo(50.0);
        assertThat(sim.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(sim.timeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(sim.baseUrl()).isNull();
        assertThat(sim.site()).isNull();
        Model tiny = config.catalog().find("TINY").orElseThrow();
        // The default of 4096 output tokens cannot exceed a smaller context window.
        assertThat(tiny.maxOutputTokens()).isEqualTo(2048);
        assertThat(tiny.deployments().get(0).upstreamModel()).isEqualTo("tiny");
    }

    static Stream<Arguments> exactPrices() {
        return Stream.of(
                Arguments.of("0.1", "0.1"),
                Arguments.of("0.10", "0.10"),
                Arguments.of("0.30000000000000004", "0.30000000000000004"),
                Arguments.of("2.50", "2.50"),
                Arguments.of("\"0.07\"", "0.07"),
                Arguments.of("123456789012345678901234567890.123456789", "123456789012345678901234567890.123456789"),
                Arguments.of("1e-3", "0.001"),
                // Inside a flow mapping YAML needs the braces of a reference quoted.
                Arguments.of("\"${PRICE}\"", "0.7"),
                Arguments.of("\"${UNSET_PRICE:-0.25}\"", "0.25"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exactPrices")
    void parsesPricesExactlyFromTheirText(String written, String expected) {
        String yaml = """
                providers: [{id: p, kind: simulated}]
                models:
                  - {id: m, category: proxied, context_window: 1000, max_output_tokens: 10,
                     deployments: [{provider: p, price_per_1m: {input: %s, output: 0}}]}
                """.formatted(written);

        BigDecimal input = ConfigLoader.parse(yaml, "t.yaml", Map.of("PRICE", "0.7"))
                .catalog()
                .find("m")
                .orElseThrow()
                .deployments()
                .get(0)
                .listedPrice()
                .inputPer1m();

        assertThat(input).isEqualTo(new BigDecimal(expected));
        assertThat(input.toPlainString()).isEqualTo(new BigDecimal(expected).toPlainString());
    }

    static Stream<Arguments> strategies() {
        return Stream.of(
                Arguments.of("price", Strategy.of(Objective.PRICE)),
                Arguments.of("COST", Strategy.of(Objective.PRICE)),
                Arguments.of("price@latency", Strategy.of(Objective.PRICE, Objective.LATENCY)),
                Arguments.of("\"latency,price\"", Strategy.of(Objective.PRICE, Objective.LATENCY)),
                Arguments.of("price+latency+tokenrate", new Strategy(Set.of(Objective.values()))),
                Arguments.of("\"@nitro\"", Strategy.of(Objective.TOKEN_RATE)),
                Arguments.of("\"ttft price\"", Strategy.of(Objective.PRICE, Objective.LATENCY)),
                Arguments.of("${STRATEGY:-throughput}", Strategy.of(Objective.TOKEN_RATE)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("strategies")
    void parsesStrategyTags(String written, Strategy expected) {
        String yaml = "default_strategy: " + written + "\n" + MINIMAL;

        assertThat(ConfigLoader.parse(yaml, "t.yaml", Map.of()).defaultStrategy())
                .isEqualTo(expected);
    }

    static Stream<Arguments> overrides() {
        return Stream.of(
                Arguments.of(Map.of(), new ServerSettings("10.1.1.1", 7000, 100), "file-admin"),
                Arguments.of(Map.of("CLOD_HOST", "0.0.0.0"), new ServerSettings("0.0.0.0", 7000, 100), "file-admin"),
                Arguments.of(Map.of("CLOD_PORT", " 9999 "), new ServerSettings("10.1.1.1", 9999, 100), "file-admin"),
                Arguments.of(Map.of("CLOD_PORT", "0"), new ServerSettings("10.1.1.1", 0, 100), "file-admin"),
                Arguments.of(
                        Map.of("CLOD_ADMIN_KEY", "env-admin"), new ServerSettings("10.1.1.1", 7000, 100), "env-admin"),
                Arguments.of(
                        Map.of("CLOD_HOST", "", "CLOD_PORT", " ", "CLOD_ADMIN_KEY", ""),
                        new ServerSettings("10.1.1.1", 7000, 100),
                        "file-admin"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overrides")
    void environmentOverridesTheFile(Map<String, String> env, ServerSettings server, String adminKey) {
        String yaml = """
                server: {host: 10.1.1.1, port: 7000, max_body_bytes: 100}
                admin_key: file-admin
                """ + MINIMAL;

        GatewayConfig config = ConfigLoader.parse(yaml, "t.yaml", env);

        assertThat(config.server()).isEqualTo(server);
        assertThat(config.adminKey()).isEqualTo(adminKey);
    }

    static Stream<Arguments> variables() {
        return Stream.of(
                Arguments.of("${KEY}", Map.of("KEY", "k1"), "k1"),
                Arguments.of("${KEY}", Map.of(), null),
                Arguments.of("${KEY}", Map.of("KEY", ""), null),
                Arguments.of("${KEY:-fallback}", Map.of(), "fallback"),
                Arguments.of("${KEY:-fallback}", Map.of("KEY", ""), "fallback"),
                Arguments.of("${KEY:-fallback}", Map.of("KEY", "set"), "set"),
                Arguments.of("${KEY:-}", Map.of(), null),
                Arguments.of("\"  \"", Map.of(), null),
                Arguments.of("pre-${KEY}-post", Map.of("KEY", "mid"), "pre-mid-post"),
                Arguments.of("${A}${B}", Map.of("A", "x", "B", "y"), "xy"),
                Arguments.of("'$${KEY}'", Map.of("KEY", "k1"), "${KEY}"),
                Arguments.of("no-vars", Map.of("KEY", "k1"), "no-vars"),
                Arguments.of("\"${KEY}\"", Map.of("KEY", "${OTHER}"), "${OTHER}"));
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("variables")
    void expandsVariablesInScalars(String written, Map<String, String> env, String expected) {
        String yaml = "admin_key: " + written + "\n" + MINIMAL;

        assertThat(ConfigLoader.parse(yaml, "t.yaml", env).adminKey()).isEqualTo(expected);
    }

    @Test
    void anUnsetProviderKeyLeavesTheProviderWithoutAKey() {
        String yaml = """
                providers:
                  - {id: together, kind: openai, base_url: "https://api.together.xyz/v1", api_key: "${TOGETHER_API_KEY}"}
                models:
                  - {id: m, category: proxied, context_window: 1000, max_output_tokens: 10,
                     deployments: [{provider: together, price_per_1m: {input: 1, output: 1}}]}
                """;

        ProviderConfig unset =
                ConfigLoader.parse(yaml, "t.yaml", Map.of()).providers().get(0);
        ProviderConfig set = ConfigLoader.parse(yaml, "t.yaml", Map.of("TOGETHER_API_KEY", "tk"))
                .providers()
                .get(0);

        assertThat(unset.apiKey()).isNull();
        assertThat(unset.missingApiKey()).isEqualTo("${TOGETHER_API_KEY} is not set");
        assertThat(set.apiKey()).isEqualTo("tk");
        assertThat(set.missingApiKey()).isNull();
    }

    @Test
    void aProviderWithoutAnyKeyIsNotMissingOne() {
        String yaml = """
                providers:
                  - {id: vllm, kind: openai, base_url: "http://127.0.0.1:8000/v1"}
                models:
                  - {id: m, category: hosted, context_window: 1000, max_output_tokens: 10,
                     deployments: [{provider: vllm, price_per_1m: {input: 1, output: 1}}]}
                """;

        ProviderConfig provider =
                ConfigLoader.parse(yaml, "t.yaml", Map.of()).providers().get(0);

        assertThat(provider.apiKey()).isNull();
        assertThat(provider.missingApiKey()).isNull();
    }

    @Test
    void textThatYamlWouldReadAsABooleanOrNumberStaysText() {
        String yaml = """
                providers: [{id: "no", kind: simulated, site: yes}]
                models:
                  - {id: "1.10", name: 1.10, aliases: [on, "off"], category: free, context_window: 100,
                     max_output_tokens: 10, deployments: [{provider: "no", upstream_model: 010}]}
                """;

        GatewayConfig config = ConfigLoader.parse(yaml, "t.yaml", Map.of());

        assertThat(config.providers().get(0).site()).isEqualTo("yes");
        Model model = config.catalog().find("1.10").orElseThrow();
        assertThat(model.aliases()).containsExactly("on", "off");
        assertThat(model.deployments().get(0).upstreamModel()).isEqualTo("010");
    }

    @Test
    void secretsStayOutOfToString() {
        GatewayConfig config = ConfigLoader.load(resource("full.yaml"), FULL_ENV);

        assertThat(config.toString()).doesNotContain("admin-secret", "sk-demo", "tg-key", "sk-batch-literal");
    }

    @Test
    void aMissingFileIsAConfigException() {
        Path missing = Path.of("does-not-exist.yaml");

        assertThatThrownBy(() -> ConfigLoader.load(missing, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("does-not-exist.yaml: cannot read the file");
    }

    static final String MINIMAL = """
            providers: [{id: sim, kind: simulated}]
            models: [{id: tiny, category: free, context_window: 100, max_output_tokens: 10, deployments: [{provider: sim}]}]
            """;

    private static ListPrice price(String input, String output) {
        return new ListPrice(new BigDecimal(input), new BigDecimal(output));
    }

    private static Path resource(String name) {
        try {
            return Path.of(ConfigLoaderTest.class.getResource("/config/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
