package dev.clod.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The {@code anthropic} and {@code gemini} kinds: their default homes, keys and headers. */
class VendorProvidersConfigTest {

    private static final String MODEL = """
            models:
              - {id: m, category: proxied, context_window: 1000, max_output_tokens: 10,
                 deployments: [{provider: p, price_per_1m: {input: 1, output: 1}}]}
            """;

    @ParameterizedTest(name = "{0}")
    @CsvSource({"anthropic, https://api.anthropic.com", "gemini, https://generativelanguage.googleapis.com"})
    void aVendorKindCallsItsOwnApiUnlessToldOtherwise(String kind, String home) {
        ProviderConfig byDefault = provider("{id: p, kind: " + kind + ", api_key: k}", Map.of());
        ProviderConfig elsewhere =
                provider("{id: p, kind: " + kind + ", api_key: k, base_url: \"http://127.0.0.1:9000/\"}", Map.of());

        assertThat(byDefault.kind()).isEqualTo(kind);
        assertThat(byDefault.baseUrl()).isEqualTo(home);
        assertThat(byDefault.apiKey()).isEqualTo("k");
        assertThat(elsewhere.baseUrl()).isEqualTo("http://127.0.0.1:9000");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"anthropic", "gemini"})
    void anUnsetKeyVariableLeavesTheProviderUnavailableNotTheConfigurationBroken(String kind) {
        ProviderConfig unset = provider("{id: p, kind: " + kind + ", api_key: \"${VENDOR_KEY}\"}", Map.of());

        assertThat(unset.apiKey()).isNull();
        assertThat(unset.missingApiKey()).isEqualTo("${VENDOR_KEY} is not set");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"anthropic", "gemini"})
    void extraHeadersAreKeptForVendorKinds(String kind) {
        ProviderConfig provider = provider(
                "{id: p, kind: " + kind + ", api_key: k, headers: {anthropic-beta: prompt-caching}}", Map.of());

        assertThat(provider.headers()).containsExactly(Map.entry("anthropic-beta", "prompt-caching"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"anthropic", "gemini"})
    void aVendorKindNeedsAnApiKeyEntry(String kind) {
        assertThatThrownBy(() -> provider("{id: p, kind: " + kind + "}", Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("providers[0].api_key: required for kind " + kind);
    }

    private static ProviderConfig provider(String entry, Map<String, String> env) {
        return ConfigLoader.parse("providers: [" + entry + "]\n" + MODEL, "t.yaml", env)
                .providers()
                .get(0);
    }
}
