package dev.clod.gateway.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CatalogTest {

    private static final Model LLAMA = model("llama-3.1-8b", "Llama 3.1 8B", List.of("llama3-8b"), "sim-dallas");
    private static final Model GPT = model("gpt-4o", "GPT-4o", List.of(), "openai");
    private static final Catalog CATALOG = Catalog.of(List.of(LLAMA, GPT));

    static Stream<Arguments> lookups() {
        return Stream.of(
                Arguments.of("llama-3.1-8b", "llama-3.1-8b"),
                Arguments.of("Llama 3.1 8B", "llama-3.1-8b"),
                Arguments.of("llama 3.1 8b", "llama-3.1-8b"),
                Arguments.of("LLAMA-3.1-8B", "llama-3.1-8b"),
                Arguments.of(" llama-3.1-8b ", "llama-3.1-8b"),
                Arguments.of("  Llama   3.1\t8B\n", "llama-3.1-8b"),
                Arguments.of("llama3-8b", "llama-3.1-8b"),
                Arguments.of("LLAMA3-8B", "llama-3.1-8b"),
                Arguments.of("gpt-4o", "gpt-4o"),
                Arguments.of("GPT-4o", "gpt-4o"),
                Arguments.of("llama-3.1-70b", null),
                Arguments.of("llama 3.1-8b", null),
                Arguments.of("", null),
                Arguments.of("   ", null),
                Arguments.of(null, null));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @MethodSource("lookups")
    void findsByIdNameOrAliasIgnoringCaseAndSpaces(String query, String expectedId) {
        assertThat(CATALOG.find(query).map(Model::id)).isEqualTo(java.util.Optional.ofNullable(expectedId));
    }

    static Stream<Arguments> normalisedKeys() {
        return Stream.of(
                Arguments.of("llama-3.1-8b", "llama-3.1-8b"),
                Arguments.of("Llama 3.1 8B", "llama 3.1 8b"),
                Arguments.of(" \tA  b\u00a0 c ", "a b c"),
                Arguments.of("a\n\nb", "a b"),
                Arguments.of("", ""));
    }

    @ParameterizedTest(name = "\"{0}\" -> \"{1}\"")
    @MethodSource("normalisedKeys")
    void normalisesNames(String name, String key) {
        assertThat(Catalog.normalize(name)).isEqualTo(key);
    }

    @Test
    void keepsConfigurationOrderAndListsIds() {
        assertThat(CATALOG.models()).containsExactly(LLAMA, GPT);
        assertThat(CATALOG.knownModelIds()).isEqualTo("llama-3.1-8b, gpt-4o");
    }

    @Test
    void findsDeploymentsById() {
        assertThat(CATALOG.deployment("llama-3.1-8b/sim-dallas"))
                .contains(LLAMA.deployments().get(0));
        assertThat(CATALOG.deployment("gpt-4o/openai"))
                .contains(GPT.deployments().get(0));
        assertThat(CATALOG.deployment("gpt-4o/together")).isEmpty();
        assertThat(CATALOG.deployment(null)).isEmpty();
    }

    static Stream<Arguments> duplicates() {
        return Stream.of(
                Arguments.of(
                        "alias equals another model's id",
                        model("other", "Other", List.of("LLAMA-3.1-8B"), "p"),
                        "\"LLAMA-3.1-8B\" would name both model llama-3.1-8b and model other"),
                Arguments.of(
                        "name equals another model's name up to case and spaces",
                        model("other", " llama  3.1 8b", List.of(), "p"),
                        "\"llama  3.1 8b\" would name both model llama-3.1-8b and model other"),
                Arguments.of(
                        "alias equals another model's alias",
                        model("other", "Other", List.of("llama3-8b"), "p"),
                        "\"llama3-8b\" would name both model llama-3.1-8b and model other"),
                Arguments.of(
                        "same id twice",
                        model("llama-3.1-8b", "Another", List.of(), "p"),
                        "\"llama-3.1-8b\" would name both model llama-3.1-8b and model llama-3.1-8b"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("duplicates")
    void rejectsAKeyThatNamesTwoModels(String description, Model clash, String message) {
        assertThatThrownBy(() -> Catalog.of(List.of(LLAMA, clash)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    void aModelMayRepeatItsOwnIdAsNameOrAlias() {
        Model model = model("qwen", "QWEN", List.of("qwen", " Qwen "), "p");

        assertThat(Catalog.of(List.of(model)).find("Qwen")).contains(model);
    }

    @Test
    void rejectsADeploymentListedUnderAnotherModel() {
        Deployment foreign = new Deployment("x/p", "x", "p", "x", null, ListPrice.FREE);
        Model model = new Model("y", "y", List.of(), Category.FREE, 1000, 100, Set.of(), List.of(foreign));

        assertThatThrownBy(() -> Catalog.of(List.of(model)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("deployment x/p belongs to model x but is listed under model y");
    }

    @Test
    void rejectsARepeatedDeploymentId() {
        Deployment deployment = new Deployment("y/p", "y", "p", "y", null, ListPrice.FREE);
        Model model =
                new Model("y", "y", List.of(), Category.FREE, 1000, 100, Set.of(), List.of(deployment, deployment));

        assertThatThrownBy(() -> Catalog.of(List.of(model)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("deployment id y/p appears twice");
    }

    private static Model model(String id, String name, List<String> aliases, String provider) {
        Deployment deployment = new Deployment(
                id + "/" + provider,
                id,
                provider,
                id,
                null,
                new ListPrice(new BigDecimal("0.05"), new BigDecimal("0.08")));
        return new Model(
                id, name, aliases, Category.HOSTED, 131_072, 4096, Set.of(Capability.TOOLS), List.of(deployment));
    }
}
