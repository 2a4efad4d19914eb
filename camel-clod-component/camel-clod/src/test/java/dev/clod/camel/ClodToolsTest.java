package dev.clod.camel;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.clod.gateway.Gateway;
import dev.clod.gateway.api.ChatRequest;
import dev.clod.gateway.api.Tool;
import dev.clod.gateway.api.ToolCall;
import dev.clod.gateway.api.UserMessage;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.Registry;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

/**
 * Tools as routes: the model's call reaches a real route with parsed arguments, its reply goes back to
 * the model, and the loop stops at its round and cost bounds. The simulated model calls a tool once
 * and then answers; the wired upstream calls a tool on every turn, 10 prompt and 5 completion tokens
 * each time, so each of its turns costs exactly 0.00002 USD.
 */
class ClodToolsTest extends CamelTestSupport {

    private static final String SCHEMA =
            "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}}," + "\"required\":[\"city\"]}";
    private static final String ALWAYS_A_TOOL = "{\"id\":\"chatcmpl-loop\",\"object\":\"chat.completion\","
            + "\"created\":1,\"model\":\"wired-tools\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
            + "\"content\":null,\"tool_calls\":[{\"id\":\"call_1\",\"type\":\"function\",\"function\":"
            + "{\"name\":\"get_weather\",\"arguments\":\"{\\\"city\\\":\\\"Paris\\\"}\"}}]},"
            + "\"finish_reason\":\"tool_calls\"}],\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":5,"
            + "\"total_tokens\":15}}";

    private final WireMockServer upstream =
            new WireMockServer(WireMockConfiguration.options().dynamicPort());
    private final List<Map<String, Object>> weatherCalls = new CopyOnWriteArrayList<>();
    private final List<String> rawArguments = new CopyOnWriteArrayList<>();
    private Gateway gateway;

    @Override
    protected void bindToRegistry(Registry registry) {
        upstream.start();
        upstream.stubFor(post(urlEqualTo("/v1/chat/completions"))
                .withRequestBody(matchingJsonPath(
                        "$.model", com.github.tomakehurst.wiremock.client.WireMock.equalTo("wired-tools")))
                .willReturn(aResponse()
                        .withHeader("content-type", "application/json")
                        .withBody(ALWAYS_A_TOOL)));
        gateway = Gateway.create(
                TestGateways.catalog("/clod-test.yaml", Map.of("UPSTREAM_URL", upstream.baseUrl() + "/v1")),
                Clock.systemUTC());
        registry.bind("gateway", gateway);
        registry.bind(
                "weatherTool",
                ClodTool.route("get_weather", "direct:weather")
                        .description("The current weather in a city")
                        .parameters(SCHEMA));
    }

    @Override
    protected void doPostTearDown() {
        gateway.close();
        upstream.stop();
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:weather").process(call -> {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> arguments = call.getMessage().getBody(Map.class);
                    weatherCalls.add(arguments);
                    rawArguments.add(call.getMessage().getHeader(ClodConstants.TOOL_ARGUMENTS, String.class));
                    call.getMessage().setBody(Map.of("temperature_c", 21, "sky", "clear"));
                });
                from("direct:ask").to("clod:chat?model=sim-llama&tools=#weatherTool");
                from("direct:rounds").to("clod:chat?model=wired-looping&tools=#weatherTool&maxToolRounds=2");
                from("direct:budget").to("clod:chat?model=wired-looping&tools=#weatherTool&maxCostUsd=0.00003");
                from("direct:noRoutes").to("clod:chat");
            }
        };
    }

    @Test
    void theModelsCallRunsTheRouteWithParsedArgumentsAndItsReplyReachesTheModel() {
        Exchange answer = template.request("direct:ask", e -> e.getMessage().setBody("What is the weather in Lyon?"));

        assertThat(answer.getException()).isNull();
        assertThat(weatherCalls).hasSize(1);
        assertThat(weatherCalls.get(0)).containsKey("city");
        assertThat(weatherCalls.get(0).get("city")).isInstanceOf(String.class);
        assertThat(rawArguments.get(0)).startsWith("{").contains("\"city\"");
        assertThat(answer.getMessage().getBody(String.class))
                .contains("get_weather returned")
                .contains("\"temperature_c\":21");
        assertThat(answer.getMessage().getHeaders())
                .containsEntry(ClodConstants.TOOL_ROUNDS, 1)
                .containsEntry(ClodConstants.FINISH_REASON, "stop")
                .doesNotContainKey(ClodConstants.TOOL_CALLS);
    }

    @Test
    void usageAndCostAreSummedOverTheRounds() {
        Exchange answer = template.request("direct:ask", e -> e.getMessage().setBody("What is the weather in Lyon?"));

        // Two model calls were made, and the usage tally saw both.
        var tally = gateway.usage().total();
        assertThat(tally.requests()).isEqualTo(2);
        assertThat(answer.getMessage().getHeader(ClodConstants.TOTAL_TOKENS, Long.class))
                .isEqualTo(tally.totalTokens());
        assertThat(answer.getMessage().getHeader(ClodConstants.COST_USD, BigDecimal.class))
                .isEqualByComparingTo(tally.costUsd());
    }

    @Test
    void aModelThatKeepsCallingToolsStopsAtTheRoundLimit() {
        Exchange answer = template.request("direct:rounds", e -> e.getMessage().setBody("Weather?"));

        assertThat(answer.getException()).isInstanceOf(ClodToolLoopException.class);
        ClodToolLoopException stopped = (ClodToolLoopException) answer.getException();
        assertThat(stopped.bound()).isEqualTo(ClodToolLoopException.Bound.ROUNDS);
        assertThat(stopped.rounds()).isEqualTo(2);
        assertThat(stopped.getMessage()).contains("maxToolRounds");
        assertThat(weatherCalls).hasSize(2).allSatisfy(call -> assertThat(call).containsEntry("city", "Paris"));
        // Three model calls: two that led to tool rounds and the one that asked for a third.
        assertThat(stopped.usage().totalTokens()).isEqualTo(45);
        assertThat(stopped.costUsd()).isEqualByComparingTo("0.00006");
    }

    @Test
    void aLoopThatGoesOverBudgetStartsNoFurtherRound() {
        Exchange answer = template.request("direct:budget", e -> e.getMessage().setBody("Weather?"));

        assertThat(answer.getException()).isInstanceOf(ClodToolLoopException.class);
        ClodToolLoopException stopped = (ClodToolLoopException) answer.getException();
        assertThat(stopped.bound()).isEqualTo(ClodToolLoopException.Bound.COST);
        assertThat(stopped.getMessage()).contains("maxCostUsd");
        // 0.00002 after one call is within 0.00003; 0.00004 after the second is not.
        assertThat(weatherCalls).hasSize(1);
        assertThat(stopped.rounds()).isEqualTo(1);
        assertThat(stopped.costUsd()).isEqualByComparingTo("0.00004");
    }

    @Test
    void withoutToolRoutesTheCallsComeBackAsAHeader() throws Exception {
        Tool tool = new Tool(
                "get_weather",
                "The current weather in a city",
                new com.fasterxml.jackson.databind.ObjectMapper().readTree(SCHEMA),
                null);
        ChatRequest request = ChatRequest.builder("sim-llama")
                .messages(List.of(UserMessage.of("Weather in Oslo?")))
                .tools(List.of(tool))
                .build();

        Exchange answer =
                template.request("direct:noRoutes", e -> e.getMessage().setBody(request));

        assertThat(answer.getException()).isNull();
        assertThat(weatherCalls).isEmpty();
        assertThat(answer.getMessage().getHeader(ClodConstants.FINISH_REASON)).isEqualTo("tool_calls");
        List<?> calls = answer.getMessage().getHeader(ClodConstants.TOOL_CALLS, List.class);
        assertThat(calls).singleElement().isInstanceOfSatisfying(ToolCall.class, call -> assertThat(call.name())
                .isEqualTo("get_weather"));
    }
}
