package dev.clod.camel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clod.gateway.config.ConfigLoader;
import dev.clod.server.ClodServer;
import java.math.BigDecimal;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The route from the component page, as someone who read only that page writes it. */
class DoneWhenTest {

    private static RoutesBuilder pageRoute() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:in").to("clod:chat?model=deepseek-v3@latency").log("${header.CamelClodProvider} ${body}");
            }
        };
    }

    private static void assertAnswered(Exchange answer) {
        assertThat(answer.getException()).isNull();
        assertThat(answer.getMessage().getBody(String.class)).contains("Which tickets are urgent?");
        // The demo catalog's quickest first token for DeepSeek V3 is in New York.
        assertThat(answer.getMessage().getHeaders())
                .containsEntry(ClodConstants.PROVIDER, "sim-new-york")
                .containsEntry(ClodConstants.SITE, "new-york")
                .containsEntry(ClodConstants.RESOLVED_MODEL, "deepseek-v3")
                .containsEntry(ClodConstants.STRATEGY, "latency")
                .containsEntry(ClodConstants.FINISH_REASON, "stop")
                .containsKeys(ClodConstants.REQUEST_ID, ClodConstants.DEPLOYMENT, ClodConstants.ROUTE);
        assertThat(answer.getMessage().getHeader(ClodConstants.TOTAL_TOKENS, Integer.class))
                .isPositive();
        assertThat(answer.getMessage().getHeader(ClodConstants.COST_USD, BigDecimal.class))
                .isPositive();
    }

    @Nested
    class Embedded extends CamelTestSupport {

        @Override
        protected RoutesBuilder createRouteBuilder() {
            return pageRoute();
        }

        @Test
        void answersWithHeadersSet() {
            assertAnswered(template.request("direct:in", e -> e.getMessage().setBody("Which tickets are urgent?")));
        }
    }

    @Nested
    class Remote extends CamelTestSupport {

        private static ClodServer server;

        @BeforeAll
        static void startServer() {
            server = TestGateways.server(ConfigLoader.embeddedDefault(Map.of()));
        }

        @AfterAll
        static void stopServer() {
            server.close();
        }

        @Override
        protected void bindToRegistry(org.apache.camel.spi.Registry registry) {
            ClodComponent clod = new ClodComponent();
            clod.getConfiguration().setBaseUrl(TestGateways.baseUrl(server));
            clod.getConfiguration().setApiKey(TestGateways.API_KEY);
            registry.bind("clod", clod);
        }

        @Override
        protected RoutesBuilder createRouteBuilder() {
            return pageRoute();
        }

        @Test
        void answersWithHeadersSet() {
            assertAnswered(template.request("direct:in", e -> e.getMessage().setBody("Which tickets are urgent?")));
        }
    }
}
