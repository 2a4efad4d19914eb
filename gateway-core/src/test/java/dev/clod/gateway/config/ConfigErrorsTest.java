package dev.clod.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every kind of bad configuration, with the exact problem line it must produce. */
class ConfigErrorsTest {

    private static final String SIM = "providers: [{id: sim, kind: simulated}]\n";
    private static final String MODEL =
            "models: [{id: m, category: free, context_window: 100, max_output_tokens: 10, deployments: [{provider: sim}]}]\n";
    private static final String VALID = SIM + MODEL;
    private static final String TAGS =
            "(valid tags: price (cost, floor), latency (ttft), tokenrate (throughput, speed, nitro))";
    private static final String PROVIDER_KEYS = "(valid keys: id, kind, base_url, api_key, site, connect_timeout_ms, "
            + "timeout_ms, headers, ttft_ms, tokens_per_second)";

    static Stream<Arguments> unknownKeys() {
        return Stream.of(
                bad(
                        "site",
                        "sites: [{id: a, grid_location: x, pue: 1.2, region: y}]\nenergy: {feeds: [{kind: fixed, prices: {x: 1}}]}\n"
                                + VALID,
                        "sites[0].region: unknown key (valid keys: id, grid_location, pue)"),
                bad(
                        "energy",
                        "energy: {feeds: [], clok: {speed: 2}}\n" + VALID,
                        "energy.clok: unknown key (valid keys: feeds, clock, max_age_minutes, fallback_usd_per_mwh); did you mean clock?"),
                bad(
                        "feed",
                        "energy: {feeds: [{kind: csv, file: x.csv}]}\n" + VALID,
                        "energy.feeds[0].file: unknown key (valid keys: kind, path, locations, url, poll_seconds, "
                                + "retention_days, headers, prices)"),
                bad(
                        "database",
                        "database: {url: x, user: y}\n" + VALID,
                        "database.user: unknown key (valid keys: url)"),
                bad(
                        "misspelt top-level key",
                        "provider: []\n" + VALID,
                        "provider: unknown key (valid keys: server, database, usage, admin_key, default_strategy, "
                                + "api_keys, sites, energy, providers, models); did you mean providers?"),
                bad(
                        "server",
                        "server: {port: 80, hots: x}\n" + VALID,
                        "server.hots: unknown key (valid keys: host, port, max_body_bytes); did you mean host?"),
                bad(
                        "provider",
                        """
                        providers:
                          - {id: a, kind: simulated}
                          - {id: b, kind: simulated}
                          - {id: c, kind: openai, bse_url: "http://x/v1"}
                        """ + MODEL.replace("sim", "a"),
                        "providers[2].bse_url: unknown key " + PROVIDER_KEYS + "; did you mean base_url?"),
                bad(
                        "model",
                        SIM + """
                        models: [{id: m, category: free, context_window: 100, max_output_tokens: 10,
                                  deployments: [{provider: sim}], pricing: x}]
                        """,
                        "models[0].pricing: unknown key (valid keys: id, name, aliases, category, context_window, "
                                + "max_output_tokens, capabilities, deployments)"),
                bad(
                        "deployment",
                        SIM + """
                        models: [{id: m, category: free, context_window: 100, max_output_tokens: 10,
                                  deployments: [{provider: sim, cost: {input: 0.004}}]}]
                        """,
                        "models[0].deployments[0].cost: unknown key (valid keys: provider, upstream_model, price_per_1m, "
                                + "energy, fixed_per_1m, margin)"),
                bad(
                        "price",
                        SIM + """
                        models: [{id: m, category: hosted, context_window: 100, max_output_tokens: 10,
                                  deployments: [{provider: sim, price_per_1m: {inptu: 1, output: 2}}]}]
                        """,
                        "models[0].deployments[0].price_per_1m.inptu: unknown key (valid keys: input, output); "
                                + "did you mean input?"),
                bad(
                        "api key",
                        "api_keys: [{name: a, key: k, project: p}]\n" + VALID,
                        "api_keys[0].project: unknown key (valid keys: name, key, default_strategy)"));
    }

    static Stream<Arguments> wrongTypes() {
        return Stream.of(
                bad(
                        "price is text",
                        SIM + """
                        models:
                          - {id: a, category: free, context_window: 100, max_output_tokens: 10, deployments: [{provider: sim}]}
                          - {id: m, category: hosted, context_window: 100, max_output_tokens: 10,
                             deployments: [{provider: sim, price_per_1m: {input: cheap, output: 1}}]}
                        """,
                        "models[1].deployments[0].price_per_1m.input: expected a number, got \"cheap\""),
                bad(
                        "price from a variable",
                        SIM + """
                        models:
                          - {id: m, category: hosted, context_window: 100, max_output_tokens: 10,
                             deployments: [{provider: sim, price_per_1m: {input: "${P}", output: 1}}]}
                        """,
                        Map.of("P", "lots"),
                        "models[0].deployments[0].price_per_1m.input: expected a number, got \"lots\" (from \"${P}\")"),
                bad(
                        "port is text",
                        "server: {port: eighty}\n" + VALID,
                        "server.port: expected a whole number, got \"eighty\""),
                bad(
                        "port out of range",
                        "server: {port: 70000}\n" + VALID,
                        "server.port: must be between 0 and 65535, got 70000"),
                bad(
                        "body limit zero",
                        "server: {max_body_bytes: 0}\n" + VALID,
                        "server.max_body_bytes: must be greater than 0, got 0"),
                bad("server is a list", "server: [8080]\n" + VALID, "server: expected a mapping, got a list"),
                bad(
                        "providers is a mapping",
                        "providers: {id: sim}\n" + MODEL,
                        "providers: expected a list, got a mapping"),
                bad(
                        "a provider is text",
                        "providers: [sim]\n" + MODEL,
                        "providers[0]: expected a mapping, got \"sim\""),
                bad(
                        "context window is a fraction",
                        SIM
                                + "models: [{id: m, category: free, context_window: 1.5, deployments: [{provider: sim}]}]\n",
                        "models[0].context_window: expected a whole number, got \"1.5\""),
                bad(
                        "context window zero",
                        SIM + "models: [{id: m, category: free, context_window: 0, deployments: [{provider: sim}]}]\n",
                        "models[0].context_window: must be greater than 0, got 0"),
                bad(
                        "output over the context window",
                        SIM + "models: [{id: m, category: free, context_window: 100, "
                                + "max_output_tokens: 200, deployments: [{provider: sim}]}]\n",
                        "models[0].max_output_tokens: must not exceed context_window (100), got 200"),
                bad(
                        "aliases is text",
                        SIM + "models: [{id: m, aliases: llama, category: free, context_window: 100, "
                                + "deployments: [{provider: sim}]}]\n",
                        "models[0].aliases: expected a list, got \"llama\""),
                bad(
                        "name is a list",
                        SIM + "models: [{id: m, name: [a], category: free, context_window: 100, "
                                + "deployments: [{provider: sim}]}]\n",
                        "models[0].name: expected text, got a list"),
                bad(
                        "token rate zero",
                        "providers: [{id: sim, kind: simulated, tokens_per_second: 0}]\n" + MODEL,
                        "providers[0].tokens_per_second: must be greater than 0, got 0"),
                bad(
                        "negative ttft",
                        "providers: [{id: sim, kind: simulated, ttft_ms: -1}]\n" + MODEL,
                        "providers[0].ttft_ms: must be at least 0, got -1"),
                bad(
                        "zero timeout",
                        "providers: [{id: sim, kind: simulated, timeout_ms: 0}]\n" + MODEL,
                        "providers[0].timeout_ms: must be greater than 0, got 0"),
                bad(
                        "negative price",
                        SIM + """
                        models: [{id: m, category: proxied, context_window: 100, max_output_tokens: 10,
                                  deployments: [{provider: sim, price_per_1m: {input: -0.1, output: 1}}]}]
                        """,
                        "models[0].deployments[0].price_per_1m.input: must not be negative, got -0.1"),
                bad(
                        "empty capability",
                        SIM + "models: [{id: m, category: free, context_window: 100, "
                                + "max_output_tokens: 10, capabilities: [tools, ~], deployments: [{provider: sim}]}]\n",
                        "models[0].capabilities[1]: must not be empty"),
                bad("top level is a list", "- providers\n", "expected a mapping, got a list"));
    }

    static Stream<Arguments> missingRequired() {
        return Stream.of(
                bad("providers", MODEL, "providers: required key is missing"),
                bad("models", SIM, "models: required key is missing"),
                bad("empty file", "", "providers: required key is missing"),
                bad("no providers", "providers: []\n" + MODEL, "providers: must list at least one entry"),
                bad("null providers", "providers:\n" + MODEL, "providers: must list at least one entry"),
                bad(
                        "provider id",
                        "providers: [{kind: simulated}]\n" + MODEL,
                        "providers[0].id: required key is missing"),
                bad("provider kind", "providers: [{id: sim}]\n" + MODEL, "providers[0].kind: required key is missing"),
                bad(
                        "empty provider kind",
                        "providers: [{id: sim, kind: }]\n" + MODEL,
                        "providers[0].kind: must not be empty"),
                bad(
                        "openai base url",
                        "providers: [{id: sim, kind: openai}]\n" + MODEL,
                        "providers[0].base_url: required key is missing"),
                bad(
                        "model id",
                        SIM + "models: [{category: free, context_window: 100, deployments: [{provider: sim}]}]\n",
                        "models[0].id: required key is missing"),
                bad(
                        "category",
                        SIM + "models: [{id: m, context_window: 100, deployments: [{provider: sim}]}]\n",
                        "models[0].category: required key is missing"),
                bad(
                        "context window",
                        SIM + "models: [{id: m, category: free, deployments: [{provider: sim}]}]\n",
                        "models[0].context_window: required key is missing"),
                bad(
                        "deployments",
                        SIM + "models: [{id: m, category: free, context_window: 100}]\n",
                        "models[0].deployments: required key is missing"),
                bad(
                        "empty deployments",
                        SIM + "models: [{id: m, category: free, context_window: 100, deployments: []}]\n",
                        "models[0].deployments: must list at least one entry"),
                bad(
                        "deployment provider",
                        SIM + "models: [{id: m, category: free, context_window: 100, "
                                + "deployments: [{upstream_model: x}]}]\n",
                        "models[0].deployments[0].provider: required key is missing"),
                bad(
                        "hosted price",
                        SIM + "models: [{id: m, category: hosted, context_window: 100, "
                                + "deployments: [{provider: sim}]}]\n",
                        "models[0].deployments[0].price_per_1m: required key is missing (only a free model may omit its price; a hosted one may give energy instead)"),
                bad(
                        "output price",
                        SIM + "models: [{id: m, category: proxied, context_window: 100, "
                                + "deployments: [{provider: sim, price_per_1m: {input: 1}}]}]\n",
                        "models[0].deployments[0].price_per_1m.output: required key is missing"),
                bad("api key name", "api_keys: [{key: k}]\n" + VALID, "api_keys[0].name: required key is missing"),
                bad("api key secret", "api_keys: [{name: a}]\n" + VALID, "api_keys[0].key: required key is missing"));
    }

    static Stream<Arguments> badValues() {
        return Stream.of(
                bad(
                        "category",
                        SIM
                                + "models: [{id: m, category: cheap, context_window: 100, deployments: [{provider: sim}]}]\n",
                        "models[0].category: unknown category \"cheap\" (valid: free, hosted, proxied)"),
                bad(
                        "capability",
                        SIM + "models: [{id: m, category: free, context_window: 100, max_output_tokens: 10, "
                                + "capabilities: [tools, audio], deployments: [{provider: sim}]}]\n",
                        "models[0].capabilities[1]: unknown capability \"audio\" (valid: tools, vision, json)"),
                bad(
                        "vendor kind without a key",
                        "providers: [{id: sim, kind: anthropic}]\n" + MODEL,
                        "providers[0].api_key: required for kind anthropic"),
                bad(
                        "unknown kind",
                        "providers: [{id: sim, kind: grpc}]\n" + MODEL,
                        "providers[0].kind: unknown kind \"grpc\" (valid kinds: openai, anthropic, gemini, simulated)"),
                bad(
                        "default strategy",
                        "default_strategy: fastest\n" + VALID,
                        "default_strategy: unknown strategy tag \"fastest\" " + TAGS),
                bad(
                        "one bad tag among good ones",
                        "default_strategy: price@latenc\n" + VALID,
                        "default_strategy: unknown strategy tag \"latenc\" " + TAGS),
                bad("no tag", "default_strategy: \"@\"\n" + VALID, "default_strategy: names no strategy tag " + TAGS),
                bad(
                        "api key strategy",
                        "api_keys: [{name: a, key: k, default_strategy: cheap}]\n" + VALID,
                        "api_keys[0].default_strategy: unknown strategy tag \"cheap\" " + TAGS),
                bad(
                        "provider id pattern",
                        "providers: [{id: Sim Dallas, kind: simulated}]\n" + MODEL,
                        "providers[0].id: \"Sim Dallas\" must match [a-z0-9][a-z0-9._-]*"),
                bad(
                        "model id pattern",
                        SIM + "models: [{id: m@x, category: free, context_window: 100, "
                                + "deployments: [{provider: sim}]}]\n",
                        "models[0].id: \"m@x\" must match [a-z0-9][a-z0-9._-]*"),
                bad(
                        "name with a tag separator",
                        SIM + "models: [{id: m, name: \"M:latest\", category: free, "
                                + "context_window: 100, max_output_tokens: 10, deployments: [{provider: sim}]}]\n",
                        "models[0].name: \"M:latest\" must not contain '@' or ':' (they separate strategy tags)"),
                bad(
                        "free model with a price",
                        SIM + "models: [{id: m, category: free, context_window: 100, "
                                + "max_output_tokens: 10, deployments: [{provider: sim, price_per_1m: {input: 0, output: 0.01}}]}]\n",
                        "models[0].deployments[0].price_per_1m: a free model's price must be zero or absent"));
    }

    static Stream<Arguments> badUrls() {
        return Stream.of(
                bad(
                        "ftp scheme",
                        url("ftp://example.com/v1"),
                        "providers[0].base_url: expected an http(s) URL with a host, got \"ftp://example.com/v1\""),
                bad(
                        "no scheme",
                        url("example.com/v1"),
                        "providers[0].base_url: expected an http(s) URL with a host, got \"example.com/v1\""),
                bad(
                        "no host",
                        url("http:///v1"),
                        "providers[0].base_url: expected an http(s) URL with a host, got \"http:///v1\""),
                bad(
                        "not a URI",
                        url("http://exa mple.com"),
                        "providers[0].base_url: expected an http(s) URL, got \"http://exa mple.com\""),
                bad("from an unset variable", url("${VLLM_URL}"), "providers[0].base_url: ${VLLM_URL} is not set"),
                bad(
                        "on a simulated provider",
                        "providers: [{id: sim, kind: simulated, base_url: \"http://x\"}]\n" + MODEL,
                        "providers[0].base_url: not allowed for kind simulated"),
                bad(
                        "headers on a simulated provider",
                        "providers: [{id: sim, kind: simulated, headers: {A: b}}]\n" + MODEL,
                        "providers[0].headers: not allowed for kind simulated"),
                bad(
                        "simulation on an openai provider",
                        "providers: [{id: sim, kind: openai, base_url: \"http://x\", ttft_ms: 5}]\n" + MODEL,
                        "providers[0].ttft_ms: not allowed for kind openai"),
                bad(
                        "bad header name",
                        "providers: [{id: sim, kind: openai, base_url: \"http://x\", headers: {\"X Extra\": v}}]\n"
                                + MODEL,
                        "providers[0].headers.X Extra: \"X Extra\" is not a valid HTTP header name"),
                bad(
                        "header from an unset variable",
                        "providers: [{id: sim, kind: openai, base_url: \"http://x\", headers: {X-Org: \"${ORG}\"}}]\n"
                                + MODEL,
                        "providers[0].headers.X-Org: ${ORG} is not set"));
    }

    static Stream<Arguments> duplicatesAndReferences() {
        return Stream.of(
                bad(
                        "provider id",
                        "providers: [{id: sim, kind: simulated}, {id: sim, kind: simulated}]\n" + MODEL,
                        "providers[1].id: duplicate id \"sim\" (also providers[0])"),
                bad("model id", SIM + """
                        models:
                          - {id: m, category: free, context_window: 100, max_output_tokens: 10, deployments: [{provider: sim}]}
                          - {id: m, category: free, context_window: 100, max_output_tokens: 10, deployments: [{provider: sim}]}
                        """, "models[1].id: duplicate id \"m\" (also models[0])"),
                bad("alias naming another model", SIM + """
                        models:
                          - {id: m, category: free, context_window: 100, max_output_tokens: 10, deployments: [{provider: sim}]}
                          - {id: n, aliases: [" M "], category: free, context_window: 100, max_output_tokens: 10,
                             deployments: [{provider: sim}]}
                        """, "models[1].aliases[0]: alias \"M\" already names model m"),
                bad("name naming another model", SIM + """
                        models:
                          - {id: m, name: Big  Model, category: free, context_window: 100, max_output_tokens: 10,
                             deployments: [{provider: sim}]}
                          - {id: n, name: big model, category: free, context_window: 100, max_output_tokens: 10,
                             deployments: [{provider: sim}]}
                        """, "models[1].name: name \"big model\" already names model m"),
                bad(
                        "deployment to an unknown provider",
                        SIM + "models: [{id: m, category: free, context_window: 100, "
                                + "deployments: [{provider: nope}]}]\n",
                        "models[0].deployments[0].provider: unknown provider \"nope\" (declared: sim)"),
                bad(
                        "same provider twice for one model",
                        SIM + "models: [{id: m, category: free, context_window: 100, "
                                + "max_output_tokens: 10, deployments: [{provider: sim}, {provider: sim}]}]\n",
                        "models[0].deployments[1].provider: model m already has a deployment on provider sim"),
                bad(
                        "api key name",
                        "api_keys: [{name: a, key: k1}, {name: a, key: k2}]\n" + VALID,
                        "api_keys[1].name: duplicate name \"a\" (also api_keys[0])"),
                bad(
                        "api key secret",
                        "api_keys: [{name: a, key: k1}, {name: b, key: k1}]\n" + VALID,
                        "api_keys[1].key: same key as api_keys[0]"));
    }

    static Stream<Arguments> variablesAndEnvironment() {
        return Stream.of(
                bad(
                        "required key from an unset variable",
                        "api_keys: [{name: demo, key: \"${CLOD_API_KEY}\"}]\n" + VALID,
                        "api_keys[0].key: ${CLOD_API_KEY} is not set"),
                bad(
                        "required key from an empty variable",
                        "api_keys: [{name: demo, key: \"${CLOD_API_KEY}\"}]\n" + VALID,
                        Map.of("CLOD_API_KEY", ""),
                        "api_keys[0].key: ${CLOD_API_KEY} is not set"),
                bad(
                        "two unset variables",
                        "api_keys: [{name: demo, key: \"${A}${B}\"}]\n" + VALID,
                        "api_keys[0].key: ${A}, ${B} are not set"),
                bad(
                        "unclosed reference",
                        "admin_key: ${OOPS\n" + VALID,
                        "admin_key: unclosed \"${\" in \"${OOPS\" (write ${NAME} or ${NAME:-default})"),
                bad(
                        "bad variable name",
                        "admin_key: ${1X}\n" + VALID,
                        "admin_key: bad variable reference \"${1X}\" (write ${NAME} or ${NAME:-default})"),
                bad(
                        "port from a variable",
                        "server:\n  port: ${PORT}\n" + VALID,
                        Map.of("PORT", "http"),
                        "server.port: expected a whole number, got \"http\" (from \"${PORT}\")"),
                bad(
                        "CLOD_PORT not a number",
                        VALID,
                        Map.of("CLOD_PORT", "http"),
                        "CLOD_PORT: expected a whole number, got \"http\""),
                bad(
                        "CLOD_PORT out of range",
                        VALID,
                        Map.of("CLOD_PORT", "99999"),
                        "CLOD_PORT: must be between 0 and 65535, got 99999"));
    }

    @ParameterizedTest(name = "unknown key: {0}")
    @MethodSource("unknownKeys")
    void reportsUnknownKeysWithTheirPath(String name, String yaml, Map<String, String> env, String problem) {
        assertThat(problems(yaml, env)).contains(problem);
    }

    @ParameterizedTest(name = "wrong type: {0}")
    @MethodSource("wrongTypes")
    void reportsWrongTypes(String name, String yaml, Map<String, String> env, String problem) {
        assertThat(problems(yaml, env)).contains(problem);
    }

    @ParameterizedTest(name = "missing: {0}")
    @MethodSource("missingRequired")
    void reportsMissingRequiredKeys(String name, String yaml, Map<String, String> env, String problem) {
        assertThat(problems(yaml, env)).contains(problem);
    }

    @ParameterizedTest(name = "bad value: {0}")
    @MethodSource("badValues")
    void reportsBadValuesWithTheValidOnes(String name, String yaml, Map<String, String> env, String problem) {
        assertThat(problems(yaml, env)).contains(problem);
    }

    @ParameterizedTest(name = "base_url: {0}")
    @MethodSource("badUrls")
    void reportsBadProviderSettings(String name, String yaml, Map<String, String> env, String problem) {
        assertThat(problems(yaml, env)).contains(problem);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("duplicatesAndReferences")
    void reportsDuplicatesAndBrokenReferences(String name, String yaml, Map<String, String> env, String problem) {
        assertThat(problems(yaml, env)).contains(problem);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variablesAndEnvironment")
    void reportsUnsetVariablesAndBadOverrides(String name, String yaml, Map<String, String> env, String problem) {
        assertThat(problems(yaml, env)).contains(problem);
    }

    @Test
    void reportsEveryProblemInFileOrderInOneMessage() {
        String yaml = """
                server: {port: x}
                providers: [{id: sim, kind: simulated, bse_url: y}]
                models: [{id: m, category: free, context_window: 100, max_output_tokens: 10, deployments: [{provider: nope}]}]
                """;

        ConfigException error =
                catchThrowableOfType(ConfigException.class, () -> ConfigLoader.parse(yaml, "clod.yaml", Map.of()));

        assertThat(error.source()).isEqualTo("clod.yaml");
        assertThat(error.getMessage())
                .isEqualTo("clod.yaml has 3 problems:\n"
                        + "  - server.port: expected a whole number, got \"x\"\n"
                        + "  - providers[0].bse_url: unknown key " + PROVIDER_KEYS + "; did you mean base_url?\n"
                        + "  - models[0].deployments[0].provider: unknown provider \"nope\" (declared: sim)");
    }

    @Test
    void namesTheSourceOfASingleProblem() {
        ConfigException error = catchThrowableOfType(
                ConfigException.class, () -> ConfigLoader.parse("sitez: []\n" + VALID, "prod.yaml", Map.of()));

        assertThat(error.getMessage()).startsWith("prod.yaml: sitez: unknown key (valid keys: ");
    }

    static Stream<Arguments> providerErrorsThatMustNotCascade() {
        return Stream.of(
                bad(
                        "bad kind",
                        "providers: [{id: sim, kind: grpc}]\n" + MODEL,
                        "providers[0].kind: unknown kind \"grpc\" (valid kinds: openai, anthropic, gemini, simulated)"),
                bad(
                        "bad id",
                        "providers: [{id: Sim, kind: simulated}]\n" + MODEL.replace("sim", "Sim"),
                        "providers[0].id: \"Sim\" must match [a-z0-9][a-z0-9._-]*"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providerErrorsThatMustNotCascade")
    void aBrokenProviderIsNotAlsoReportedAsUnknownToItsDeployments(
            String name, String yaml, Map<String, String> env, String problem) {
        assertThat(problems(yaml, env)).containsExactly(problem);
    }

    @Test
    void saysSoWhenNoProviderIsDeclared() {
        assertThat(problems("providers: []\n" + MODEL, Map.of()))
                .containsExactly(
                        "providers: must list at least one entry",
                        "models[0].deployments[0].provider: unknown provider \"sim\" (declared: none)");
    }

    static Stream<Arguments> invalidYaml() {
        return Stream.of(
                Arguments.of("unbalanced brackets", "providers: [{id: sim\n", "not valid YAML: "),
                Arguments.of("duplicate key", "providers: []\nproviders: []\n", "found duplicate key providers"),
                Arguments.of(
                        "a class name tag",
                        "providers: !!java.io.File [x]\n" + MODEL,
                        "not valid YAML: Global tag is not allowed: tag:yaml.org,2002:java.io.File"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidYaml")
    void rejectsInvalidYamlAndObjectTags(String name, String yaml, String fragment) {
        ConfigException error =
                catchThrowableOfType(ConfigException.class, () -> ConfigLoader.parse(yaml, "t.yaml", Map.of()));

        assertThat(error.problems())
                .singleElement()
                .asString()
                .startsWith("not valid YAML: ")
                .contains(fragment);
    }

    private static String url(String baseUrl) {
        return "providers: [{id: sim, kind: openai, base_url: \"" + baseUrl + "\"}]\n" + MODEL;
    }

    private static Arguments bad(String name, String yaml, String problem) {
        return bad(name, yaml, Map.of(), problem);
    }

    private static Arguments bad(String name, String yaml, Map<String, String> env, String problem) {
        return Arguments.of(name, yaml, env, problem);
    }

    private static List<String> problems(String yaml, Map<String, String> env) {
        ConfigException error =
                catchThrowableOfType(ConfigException.class, () -> ConfigLoader.parse(yaml, "t.yaml", env));
        assertThat(error).as("expected the configuration to be rejected").isNotNull();
        return error.problems();
    }
}
