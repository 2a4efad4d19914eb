package dev.clod.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clod.gateway.catalog.Capability;
import dev.clod.gateway.catalog.Category;
import dev.clod.gateway.catalog.Deployment;
import dev.clod.gateway.catalog.ListPrice;
import dev.clod.gateway.catalog.Model;
import dev.clod.gateway.catalog.Site;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmbeddedDefaultTest {

    private static final GatewayConfig DEFAULT = ConfigLoader.embeddedDefault(Map.of());

    @Test
    void hasSixSimulatedSitesThatDifferInSpeed() {
        List<ProviderConfig> simulated =
                DEFAULT.providers().stream().filter(ProviderConfig::isSimulated).toList();

        assertThat(simulated)
                .extracting(ProviderConfig::id, ProviderConfig::site)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("sim-dallas", "dallas"),
                        org.assertj.core.groups.Tuple.tuple("sim-tulsa", "tulsa"),
                        org.assertj.core.groups.Tuple.tuple("sim-los-angeles", "los-angeles"),
                        org.assertj.core.groups.Tuple.tuple("sim-chicago", "chicago"),
                        org.assertj.core.groups.Tuple.tuple("sim-new-york", "new-york"),
                        org.assertj.core.groups.Tuple.tuple("sim-boston", "boston"));
        assertThat(simulated)
                .allSatisfy(p -> assertThat(p.simulatedTtft()).isBetween(Duration.ofMillis(40), Duration.ofMillis(400)))
                .allSatisfy(p -> assertThat(p.simulatedTokensPerSecond()).isBetween(30.0, 250.0));
        assertThat(simulated).extracting(ProviderConfig::simulatedTtft).doesNotHaveDuplicates();
        assertThat(simulated)
                .extracting(ProviderConfig::simulatedTokensPerSecond)
                .doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @ValueSource(strings = {"llama-3.1-8b", "deepseek-v3", "minimax-m2.5"})
    void hostedModelsRunAtThreeSitesPricedByTheirEnergy(String modelId) {
        Model model = DEFAULT.catalog().find(modelId).orElseThrow();
        List<Deployment> deployments = model.deployments();

        Deployment quickest = uniqueBest(deployments, d -> provider(d).simulatedTtft());
        Deployment fastest = uniqueBest(deployments, d -> -provider(d).simulatedTokensPerSecond());

        assertThat(deployments)
                .hasSize(3)
                .allSatisfy(d -> assertThat(provider(d).isSimulated()).isTrue())
                .allSatisfy(d -> assertThat(d.energyPriced()).isTrue());
        assertThat(deployments).extracting(Deployment::site).doesNotHaveDuplicates();
        // Which one is cheapest moves with the grids; the quickest and the fastest are fixed.
        assertThat(quickest.id()).isNotEqualTo(fastest.id());
    }

    @Test
    void sixSitesReplayTheShippedTraces() {
        assertThat(DEFAULT.sites())
                .extracting(Site::id, Site::gridLocation)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("dallas", "ercot-north"),
                        org.assertj.core.groups.Tuple.tuple("los-angeles", "caiso-sp15"),
                        org.assertj.core.groups.Tuple.tuple("chicago", "miso-illinois"),
                        org.assertj.core.groups.Tuple.tuple("new-york", "nyiso-nyc"),
                        org.assertj.core.groups.Tuple.tuple("boston", "isone-hub"),
                        org.assertj.core.groups.Tuple.tuple("tulsa", "spp-south"));
        assertThat(DEFAULT.energy().feeds()).singleElement().isInstanceOf(FeedSpec.Traces.class);
        assertThat(DEFAULT.energy().feeds().get(0).locations())
                .containsExactlyInAnyOrder(
                        "ercot-north", "caiso-sp15", "miso-illinois", "nyiso-nyc", "isone-hub", "spp-south");
        // A week into the data, so the 7-day history is full from the start.
        assertThat(DEFAULT.energy().replay().start()).isEqualTo(Instant.parse("2024-08-12T12:00:00Z"));
        assertThat(DEFAULT.energy().replay().speed()).isEqualTo(60.0);
    }

    @Test
    void describesTheHostedModels() {
        assertThat(DEFAULT.catalog().find("Llama 3.1 8B").orElseThrow())
                .satisfies(m ->
                        assertModel(m, "llama-3.1-8b", Category.HOSTED, 131_072, Capability.TOOLS, Capability.JSON));
        assertThat(DEFAULT.catalog().find("DeepSeek V3").orElseThrow())
                .satisfies(m ->
                        assertModel(m, "deepseek-v3", Category.HOSTED, 131_072, Capability.TOOLS, Capability.JSON));
        assertThat(DEFAULT.catalog().find("MiniMax M2.5").orElseThrow())
                .satisfies(m -> assertModel(m, "minimax-m2.5", Category.HOSTED, 196_608, Capability.TOOLS));
        assertThat(DEFAULT.catalog().models())
                .filteredOn(m -> m.category() == Category.HOSTED)
                .flatExtracting(Model::deployments)
                .allSatisfy(
                        d -> assertThat(d.site()).isEqualTo(provider(d).site()).isNotNull());
    }

    @Test
    void servesAFreeModelFromTwoSimulatedSites() {
        Model qwen = DEFAULT.catalog().find("qwen-2.5-7b").orElseThrow();

        assertThat(qwen.category()).isEqualTo(Category.FREE);
        assertThat(qwen.deployments()).hasSize(2).allSatisfy(d -> {
            // Free to the caller, but routed by what serving it costs at each site.
            assertThat(d.energyPriced()).isTrue();
            assertThat(provider(d).isSimulated()).isTrue();
        });
    }

    @Test
    void listsProxiedModelsAtTheirListPrices() {
        assertProxied("gpt-4o", "openai", "gpt-4o", "2.50", "10.00");
        assertProxied("gpt-4o-mini", "openai", "gpt-4o-mini", "0.15", "0.60");
        assertProxied("llama-3.1-70b", "together", "meta-llama/Meta-Llama-3.1-70B-Instruct-Turbo", "0.88", "0.88");
        assertThat(DEFAULT.provider("openai").orElseThrow().baseUrl()).isEqualTo("https://api.openai.com/v1");
        assertThat(DEFAULT.provider("together").orElseThrow().baseUrl()).isEqualTo("https://api.together.xyz/v1");
    }

    @Test
    void proxiedProvidersHaveNoKeyUntilItsVariableIsSet() {
        assertThat(DEFAULT.provider("openai").orElseThrow().apiKey()).isNull();
        assertThat(DEFAULT.provider("together").orElseThrow().apiKey()).isNull();

        GatewayConfig withKeys =
                ConfigLoader.embeddedDefault(Map.of("OPENAI_API_KEY", "sk-o", "TOGETHER_API_KEY", "tg"));

        assertThat(withKeys.provider("openai").orElseThrow().apiKey()).isEqualTo("sk-o");
        assertThat(withKeys.provider("together").orElseThrow().apiKey()).isEqualTo("tg");
    }

    @Test
    void startsWithTheServerDefaultsAndPriceStrategy() {
        assertThat(DEFAULT.server()).isEqualTo(ServerSettings.defaults());
        assertThat(DEFAULT.adminKey()).isNull();
        assertThat(DEFAULT.defaultStrategy().label()).isEqualTo("price");
        assertThat(ConfigLoader.embeddedDefault(Map.of("CLOD_PORT", "9000", "CLOD_ADMIN_KEY", "a"))
                        .server()
                        .port())
                .isEqualTo(9000);
    }

    private static void assertProxied(String id, String providerId, String upstream, String input, String output) {
        Model model = DEFAULT.catalog().find(id).orElseThrow();
        assertThat(model.category()).isEqualTo(Category.PROXIED);
        assertThat(model.deployments()).singleElement().satisfies(d -> {
            assertThat(d.providerId()).isEqualTo(providerId);
            assertThat(d.upstreamModel()).isEqualTo(upstream);
            assertThat(d.listedPrice()).isEqualTo(new ListPrice(new BigDecimal(input), new BigDecimal(output)));
        });
    }

    private static void assertModel(
            Model model, String id, Category category, int context, Capability... capabilities) {
        assertThat(model.id()).isEqualTo(id);
        assertThat(model.category()).isEqualTo(category);
        assertThat(model.contextWindow()).isEqualTo(context);
        assertThat(model.capabilities()).containsExactlyInAnyOrder(capabilities);
    }

    private static ProviderConfig provider(Deployment deployment) {
        return DEFAULT.provider(deployment.providerId()).orElseThrow();
    }

    /** The deployment with the lowest value, asserting that no other one ties with it. */
    private static <T extends Comparable<? super T>> Deployment uniqueBest(
            List<Deployment> deployments, Function<Deployment, T> value) {
        List<Deployment> sorted =
                deployments.stream().sorted(Comparator.comparing(value)).toList();
        assertThat(value.apply(sorted.get(0))).isNotEqualByComparingTo(value.apply(sorted.get(1)));
        return sorted.get(0);
    }
}
