package dev.clod.gateway.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clod.gateway.api.InvalidRequestException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ValidationTest {

    static Stream<Arguments> invalid() {
        String tooLong = "x".repeat(201);
        return Stream.of(
                Arguments.of("project without name", (Supplier<?>) () -> new NewProject(null, null, null), "name"),
                Arguments.of("project with blank name", (Supplier<?>) () -> new NewProject("  ", null, null), "name"),
                Arguments.of("project name too long", (Supplier<?>) () -> new NewProject(tooLong, null, null), "name"),
                Arguments.of(
                        "negative budget",
                        (Supplier<?>) () -> new NewProject("p", null, new BigDecimal("-0.01")),
                        "budget_usd_per_month"),
                Arguments.of(
                        "blank model",
                        (Supplier<?>) () -> new NewProject("p", List.of("llama-3.1-8b", " "), null),
                        "allowed_models[1]"),
                Arguments.of(
                        "null model",
                        (Supplier<?>) () -> new NewProject("p", Arrays.asList((String) null), null),
                        "allowed_models[0]"),
                Arguments.of(
                        "model with comma",
                        (Supplier<?>) () -> new NewProject("p", List.of("a,b"), null),
                        "allowed_models[0]"),
                Arguments.of("key without name", (Supplier<?>) () -> new NewKey(null, null, null, null), "name"),
                Arguments.of("key name too long", (Supplier<?>) () -> new NewKey(tooLong, null, null, null), "name"),
                Arguments.of("zero rpm", (Supplier<?>) () -> new NewKey("k", null, 0, null), "rpm"),
                Arguments.of("negative rpm", (Supplier<?>) () -> new NewKey("k", null, -5, null), "rpm"),
                Arguments.of("zero tpm", (Supplier<?>) () -> new NewKey("k", null, null, 0), "tpm"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void rejectsNamingTheParameter(String description, Supplier<?> create, String param) {
        assertThatThrownBy(create::get).isInstanceOfSatisfying(InvalidRequestException.class, error -> {
            assertThat(error.param()).isEqualTo(param);
            assertThat(error.status()).isEqualTo(400);
            assertThat(error.type()).isEqualTo("invalid_request_error");
        });
    }

    static Stream<Arguments> normalised() {
        String longest = "y".repeat(200);
        return Stream.of(
                Arguments.of(new NewProject("  team a ", null, null), new NewProject("team a", List.of(), null)),
                Arguments.of(
                        new NewProject(longest, List.of(), BigDecimal.ZERO),
                        new NewProject(longest, null, BigDecimal.ZERO)),
                Arguments.of(
                        new NewProject("p", List.of(" llama-3.1-8b ", "gpt-4o", "llama-3.1-8b"), BigDecimal.TEN),
                        new NewProject("p", List.of("llama-3.1-8b", "gpt-4o"), BigDecimal.TEN)),
                Arguments.of(new NewKey(" ci ", "  ", 1, 1), new NewKey("ci", null, 1, 1)),
                Arguments.of(new NewKey("ci", " team a ", null, null), new NewKey("ci", "team a", null, null)));
    }

    @ParameterizedTest
    @MethodSource("normalised")
    void acceptsAndNormalises(Record given, Record expected) {
        assertThat(given).isEqualTo(expected);
    }

    static Stream<Arguments> allows() {
        return Stream.of(
                Arguments.of(List.of(), "anything", true),
                Arguments.of(List.of("llama-3.1-8b"), "llama-3.1-8b", true),
                Arguments.of(List.of("llama-3.1-8b"), "Llama-3.1-8B", true),
                Arguments.of(List.of("llama-3.1-8b", "gpt-4o"), "gpt-4o", true),
                Arguments.of(List.of("llama-3.1-8b"), "gpt-4o", false),
                Arguments.of(List.of("llama-3.1-8b"), "llama-3.1", false));
    }

    @ParameterizedTest
    @MethodSource("allows")
    void projectAllowsItsModels(List<String> allowed, String model, boolean expected) {
        Project project = new Project("proj_1", "p", allowed, null, Instant.EPOCH);
        assertThat(project.allows(model)).isEqualTo(expected);
    }

    @ParameterizedTest
    @MethodSource("budgets")
    void budgetsHaveOneForm(String given, String expected) {
        Project project = new Project("proj_1", "p", null, new BigDecimal(given), Instant.EPOCH);
        assertThat(project.budgetUsdPerMonth()).isEqualTo(new BigDecimal(expected));
    }

    static Stream<Arguments> budgets() {
        return Stream.of(
                Arguments.of("10.000000000000", "10"),
                Arguments.of("100", "100"),
                Arguments.of("0.500", "0.5"),
                Arguments.of("0E-12", "0"));
    }
}
