package dev.clod.examples.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clod.camel.ClodConstants;
import dev.clod.gateway.config.ConfigLoader;
import dev.clod.gateway.config.GatewayConfig;
import dev.clod.gateway.config.ServerSettings;
import dev.clod.server.ApiKeys;
import dev.clod.server.ClodServer;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

/**
 * The routes of docs/integrations/camel.md, run as written: the code between each {@code guide:begin} and
 * {@code guide:end} marker is the guide's code block of that name (IntegrationGuidesTest in gateway-server
 * compares them). Embedded mode runs the demo catalog in-process; remote mode calls a gateway server
 * started here on the same catalog.
 */
class CamelGuideRoutesTest {

    private static final String API_KEY = "sk-clod-camel-guide";

    @Test
    void theMinimalRouteAnswersOnTheEmbeddedDemoCatalog() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    // guide:begin embedded
                    from("direct:ask")
                            .to("clod:chat?model=llama-3.1-8b@price")
                            .log("${header.CamelClodDeployment} (${header.CamelClodCostUsd} USD): ${body}");
                    // guide:end embedded
                }
            });
            context.start();

            Exchange answer = context.createProducerTemplate()
                    .request("direct:ask", exchange -> exchange.getMessage().setBody("Say hello in five words."));

            assertAnswered(answer);
        }
    }

    @Test
    void theRemoteRouteAnswersThroughAGatewayServer() throws Exception {
        try (ClodServer server = startServer();
                CamelContext context = new DefaultCamelContext()) {
            String baseUrl = "http://127.0.0.1:" + server.port() + "/v1";
            context.getPropertiesComponent().addInitialProperty("clod.base-url", baseUrl);
            context.getPropertiesComponent().addInitialProperty("clod.api-key", API_KEY);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    // guide:begin remote
                    from("direct:ask")
                            .to("clod:chat?model=llama-3.1-8b@price&baseUrl={{clod.base-url}}&apiKey={{clod.api-key}}")
                            .log("${header.CamelClodDeployment} (${header.CamelClodCostUsd} USD): ${body}");
                    // guide:end remote
                }
            });
            context.start();

            Exchange answer = context.createProducerTemplate()
                    .request("direct:ask", exchange -> exchange.getMessage().setBody("Say hello in five words."));

            assertAnswered(answer);
            // The server billed it: the request is in its usage tally.
            assertThat(server.gateway().usage().total().requests()).isEqualTo(1);
        }
    }

    private static void assertAnswered(Exchange answer) {
        assertThat(answer.getException()).isNull();
        assertThat(answer.getMessage().getBody(String.class)).contains("Say hello in five words.");
        assertThat(answer.getMessage().getHeader(ClodConstants.DEPLOYMENT, String.class))
                .startsWith("llama-3.1-8b/sim-");
        assertThat(answer.getMessage().getHeader(ClodConstants.COST_USD, BigDecimal.class))
                .isPositive();
    }

    private static ClodServer startServer() {
        GatewayConfig demo = ConfigLoader.embeddedDefault(Map.of());
        GatewayConfig config = demo.withServer(
                        new ServerSettings("127.0.0.1", 0, demo.server().maxBodyBytes()))
                .withAdminKey("sk-clod-camel-guide-admin")
                .withStore(demo.store()
                        .withDatabaseUrl("jdbc:h2:mem:clod-camel-guide-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"));
        ApiKeys keys = new ApiKeys();
        keys.add(API_KEY, new ApiKeys.Caller("camel-guide", false, null));
        return ClodServer.start(config, keys, Clock.systemUTC());
    }
}
