package dev.clod.gateway.routing;

import static dev.clod.gateway.routing.Objective.LATENCY;
import static dev.clod.gateway.routing.Objective.PRICE;
import static dev.clod.gateway.routing.Objective.TOKEN_RATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.clod.gateway.api.InvalidRequestException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ModelSelectorTest {

    private static final String VALID =
            "Valid tags: price (cost, floor), latency (ttft), tokenrate (throughput, speed, nitro).";

    static Stream<Arguments> validModelStrings() {
        return Stream.of(
                arguments("llama-3.1-8b", "llama-3.1-8b", null),
                arguments("  llama-3.1-8b  ", "llama-3.1-8b", null),
                arguments("llama-3.1-8b@price", "llama-3.1-8b", Strategy.of(PRICE)),
                arguments("llama-3.1-8b@PRICE", "llama-3.1-8b", Strategy.of(PRICE)),
                arguments("llama-3.1-8b@Cost", "llama-3.1-8b", Strategy.of(PRICE)),
                arguments("llama-3.1-8b@floor", "llama-3.1-8b", Strategy.of(PRICE)),
                arguments("llama-3.1-8b@ttft", "llama-3.1-8b", Strategy.of(LATENCY)),
                arguments("llama-3.1-8b@throughput", "llama-3.1-8b", Strategy.of(TOKEN_RATE)),
                arguments("llama-3.1-8b@speed", "llama-3.1-8b", Strategy.of(TOKEN_RATE)),
                arguments("llama-3.1-8b@Nitro", "llama-3.1-8b", Strategy.of(TOKEN_RATE)),
                arguments("llama-3.1-8b@latency@price", "llama-3.1-8b", Strategy.of(PRICE, LATENCY)),
                arguments("llama-3.1-8b@price@latency", "llama-3.1-8b", Strategy.of(PRICE, LATENCY)),
                arguments("llama-3.1-8b@price@cost", "llama-3.1-8b", Strategy.of(PRICE)),
                arguments("m@nitro@ttft@floor", "m", Strategy.of(PRICE, LATENCY, TOKEN_RATE)),
                arguments("Llama 3.1 8B@price", "Llama 3.1 8B", Strategy.of(PRICE)),
                arguments("Llama 3.1 8B @ price @ latency", "Llama 3.1 8B", Strategy.of(PRICE, LATENCY)),
                arguments("Llama 3.1 8B", "Llama 3.1 8B", null),
                // the colon form, for clients that cannot send an at-sign
                arguments("llama-3.1-8b:price", "llama-3.1-8b", Strategy.of(PRICE)),
                arguments("llama-3.1-8b:price:latency", "llama-3.1-8b", Strategy.of(PRICE, LATENCY)),
                arguments("llama-3.1-8b:LATENCY:Cost", "llama-3.1-8b", Strategy.of(PRICE, LATENCY)),
                arguments("llama-3.1-8b:price@latency", "llama-3.1-8b", Strategy.of(PRICE, LATENCY)),
                arguments("llama-3.1-8b@price:latency", "llama-3.1-8b", Strategy.of(PRICE, LATENCY)),
                // model ids that contain colons stay whole
                arguments("qwen2.5:7b", "qwen2.5:7b", null),
                arguments("llama3:8b-instruct", "llama3:8b-instruct", null),
                arguments("llama3:8b-instruct@price", "llama3:8b-instruct", Strategy.of(PRICE)),
                arguments("qwen2.5:7b:price", "qwen2.5:7b", Strategy.of(PRICE)),
                arguments("qwen2.5:7b:latency:cost", "qwen2.5:7b", Strategy.of(PRICE, LATENCY)),
                arguments("llama:cheap", "llama:cheap", null),
                arguments("hf.co/org/repo:Q4_K_M@speed", "hf.co/org/repo:Q4_K_M", Strategy.of(TOKEN_RATE)),
                // bare tags leave the model open
                arguments("@latency", null, Strategy.of(LATENCY)),
                arguments("@price@latency", null, Strategy.of(PRICE, LATENCY)),
                arguments(" @speed", null, Strategy.of(TOKEN_RATE)),
                arguments(":latency", null, Strategy.of(LATENCY)),
                arguments(":price:ttft", null, Strategy.of(PRICE, LATENCY)));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @MethodSource("validModelStrings")
    void parsesModelAndStrategy(String input, String model, Strategy strategy) {
        ModelSelection selection = ModelSelector.parse(input);

        assertThat(selection.model()).isEqualTo(model);
        assertThat(selection.strategy()).isEqualTo(strategy);
        assertThat(selection.anyModel()).isEqualTo(model == null);
    }

    static Stream<Arguments> invalidModelStrings() {
        return Stream.of(
                arguments("", "The model must not be empty."),
                arguments("   ", "The model must not be empty."),
                arguments(null, "The model must not be empty."),
                arguments("@", "Empty strategy tag in model '@'. " + VALID),
                arguments("llama@", "Empty strategy tag in model 'llama@'. " + VALID),
                arguments("llama@@price", "Empty strategy tag in model 'llama@@price'. " + VALID),
                arguments("llama@price@", "Empty strategy tag in model 'llama@price@'. " + VALID),
                arguments("llama@ @price", "Empty strategy tag in model 'llama@ @price'. " + VALID),
                arguments("llama:price@", "Empty strategy tag in model 'llama:price@'. " + VALID),
                arguments("llama@price:", "Empty strategy tag in model 'llama@price:'. " + VALID),
                arguments("llama-3.1-8b@cheap", "Unknown strategy tag 'cheap' in model 'llama-3.1-8b@cheap'. " + VALID),
                arguments(
                        "llama-3.1-8b@price@Fast",
                        "Unknown strategy tag 'Fast' in model 'llama-3.1-8b@price@Fast'. " + VALID),
                arguments("@cheapest", "Unknown strategy tag 'cheapest' in model '@cheapest'. " + VALID),
                arguments(
                        "qwen2.5:7b@price:cheap",
                        "Unknown strategy tag 'cheap' in model 'qwen2.5:7b@price:cheap'. " + VALID),
                arguments(
                        "m@" + "x".repeat(300),
                        "Unknown strategy tag '" + "x".repeat(200) + "...' in model 'm@" + "x".repeat(198) + "...'. "
                                + VALID));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @MethodSource("invalidModelStrings")
    void rejectsBadModelStrings(String input, String message) {
        assertThatThrownBy(() -> ModelSelector.parse(input))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo(message);
                    assertThat(e.param()).isEqualTo("model");
                    assertThat(e.status()).isEqualTo(400);
                });
    }

    static Stream<Arguments> validStrategyValues() {
        return Stream.of(
                arguments("price", Strategy.of(PRICE)),
                arguments("  Latency ", Strategy.of(LATENCY)),
                arguments("price,latency", Strategy.of(PRICE, LATENCY)),
                arguments("price, latency", Strategy.of(PRICE, LATENCY)),
                arguments("latency+price", Strategy.of(PRICE, LATENCY)),
                arguments("@latency@price", Strategy.of(PRICE, LATENCY)),
                arguments("ttft:nitro", Strategy.of(LATENCY, TOKEN_RATE)),
                arguments("cost floor price", Strategy.of(PRICE)),
                arguments("speed,\tcost,,ttft", Strategy.of(PRICE, LATENCY, TOKEN_RATE)));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @MethodSource("validStrategyValues")
    void parsesStrategyHeader(String value, Strategy strategy) {
        assertThat(ModelSelector.parseStrategy(value)).isEqualTo(strategy);
        assertThat(ModelSelector.parseStrategy(value, "default_strategy")).isEqualTo(strategy);
    }

    static Stream<Arguments> invalidStrategyValues() {
        return Stream.of(
                arguments("x-clod-strategy", "", "The x-clod-strategy value names no strategy tag. " + VALID),
                arguments("x-clod-strategy", " , + ", "The x-clod-strategy value names no strategy tag. " + VALID),
                arguments("x-clod-strategy", null, "The x-clod-strategy value names no strategy tag. " + VALID),
                arguments(
                        "x-clod-strategy",
                        "price,cheap",
                        "Unknown strategy tag 'cheap' in x-clod-strategy 'price,cheap'. " + VALID),
                arguments(
                        "default_strategy",
                        "fastest",
                        "Unknown strategy tag 'fastest' in default_strategy 'fastest'. " + VALID));
    }

    @ParameterizedTest(name = "{0}={1}")
    @MethodSource("invalidStrategyValues")
    void rejectsBadStrategyValues(String param, String value, String message) {
        assertThatThrownBy(() -> ModelSelector.parseStrategy(value, param))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo(message);
                    assertThat(e.param()).isEqualTo(param);
                });
    }
}
