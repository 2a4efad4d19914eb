package dev.clod.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clod.gateway.api.ModelNotFoundException;
import java.util.stream.Stream;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.Registry;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad options stop the endpoint from being created, with a message naming the option. */
class ClodEndpointOptionsTest extends CamelTestSupport {

    @Override
    protected void bindToRegistry(Registry registry) {
        registry.bind("weatherTool", ClodTool.route("get_weather", "direct:weather"));
        registry.bind("otherWeatherTool", ClodTool.route("get_weather", "direct:weather2"));
    }

    static Stream<Arguments> badOptions() {
        return Stream.of(
                Arguments.of("clod:translate?model=llama-3.1-8b", "operation", "translate"),
                Arguments.of("clod:chat?model=llama-3.1-8b@cheapest", "model", "cheapest"),
                Arguments.of("clod:chat?model=llama-3.1-8b@", "model", "Empty strategy tag"),
                Arguments.of("clod:chat?model=llama-3.1-8b&maxTokens=-5", "maxTokens", "-5"),
                Arguments.of("clod:chat?model=llama-3.1-8b&maxTokens=0", "maxTokens", "positive"),
                Arguments.of("clod:chat?model=llama-3.1-8b&temperature=3", "temperature", "between 0 and 2"),
                Arguments.of("clod:chat?model=llama-3.1-8b&strategy=fastest", "strategy", "fastest"),
                Arguments.of("clod:chat?model=llama-3.1-8b&outputMode=json", "outputMode", "json"),
                Arguments.of("clod:chat?model=llama-3.1-8b&maxToolRounds=-1", "maxToolRounds", "-1"),
                Arguments.of("clod:chat?model=llama-3.1-8b&maxCostUsd=0", "maxCostUsd", "positive"),
                Arguments.of("clod:chat?model=llama-3.1-8b&maxCostUsd=cheap", "maxCostUsd", "cheap"),
                Arguments.of("clod:chat?model=llama-3.1-8b&streamBufferSize=0", "streamBufferSize", "positive"),
                Arguments.of("clod:chat?model=llama-3.1-8b&tools=#noSuchTool", "tools", "noSuchTool"),
                Arguments.of(
                        "clod:chat?model=llama-3.1-8b&tools=#weatherTool,#otherWeatherTool", "tools", "get_weather"),
                Arguments.of("clod:chat?model=llama-3.1-8b&tools=#weatherTool&stream=true", "tools", "stream"),
                Arguments.of("clod:prices?model=llama-3.1-8b@price", "model", "without strategy tags"),
                Arguments.of("clod:prices?model=@price", "model", "without strategy tags"),
                Arguments.of("clod:prices?model=llama-3.1-8b&window=3h", "window", "4h, 24h or 7d"),
                Arguments.of("clod:prices?window=24h", "window", "needs a model"),
                Arguments.of("clod:prices?site=dallas,,tulsa", "site", "empty entry"),
                Arguments.of("clod:prices?pollInterval=0", "pollInterval", "positive"),
                Arguments.of("clod:chat?model=llama-3.1-8b&window=24h", "window", "only to clod:prices"),
                Arguments.of("clod:models?site=dallas", "site", "only to clod:prices"));
    }

    @ParameterizedTest
    @MethodSource("badOptions")
    void failsAtCreationNamingTheOption(String uri, String option, String detail) {
        assertThatThrownBy(() -> context.getEndpoint(uri))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .hasMessageContaining("Invalid option '" + option + "'")
                .hasMessageContaining(detail);
    }

    @Test
    void goodOptionsMakeAnEndpoint() {
        ClodEndpoint endpoint = context.getEndpoint(
                "clod:chat?model=Llama 3.1 8B:price&strategy=latency,tokenrate&maxTokens=100"
                        + "&tools=#weatherTool&maxToolRounds=2&maxCostUsd=0.01",
                ClodEndpoint.class);

        assertThat(endpoint.modelSelection().model()).isEqualTo("Llama 3.1 8B");
        assertThat(endpoint.strategy().label()).isEqualTo("latency+tokenrate");
        assertThat(endpoint.toolList()).extracting(ClodTool::name).containsExactly("get_weather");
        assertThat(endpoint.maxCostUsd()).isEqualByComparingTo("0.01");
    }

    @Test
    void pricesOptionsMakeAnEndpoint() {
        ClodEndpoint endpoint = context.getEndpoint(
                "clod:prices?model=Llama 3.1 8B&window=7D&site=dallas, tulsa&pollInterval=5s", ClodEndpoint.class);

        assertThat(endpoint.operation()).isEqualTo(ClodEndpoint.Operation.PRICES);
        assertThat(endpoint.getConfiguration().getPollInterval()).isEqualTo(5000);
    }

    @Test
    void theOperationDefaultsToChat() {
        assertThat(context.getEndpoint("clod:?model=llama-3.1-8b", ClodEndpoint.class)
                        .operation())
                .isEqualTo(ClodEndpoint.Operation.CHAT);
    }

    @Test
    void aModelTheEmbeddedGatewayDoesNotServeFailsTheRouteStart() {
        assertThatThrownBy(() -> context.addRoutes(new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("direct:unknown").to("clod:chat?model=no-such-model");
                    }
                }))
                .hasRootCauseInstanceOf(ModelNotFoundException.class)
                .rootCause()
                .hasMessageContaining("no-such-model")
                .hasMessageContaining("llama-3.1-8b");
    }

    @Test
    void aToolMustBeAJsonSchemaObject() {
        assertThatThrownBy(() -> ClodTool.route("get_weather", "direct:weather").parameters("[1, 2]"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("get_weather");
        assertThatThrownBy(() -> ClodTool.route("get weather", "direct:weather"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("get weather");
    }
}
