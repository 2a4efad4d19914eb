package dev.clod.camel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clod.gateway.Gateway;
import dev.clod.gateway.config.GatewayConfig;
import dev.clod.server.ClodServer;
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
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * stream=true read by split(body()).streaming(): pieces reach the route while the upstream is still
 * answering, and the usage headers are on the exchange once the split has read the end.
 */
class ClodStreamingTest {

    /**
     * The upstream holds back everything after its second piece until the route has processed the
     * first: the exchange can only complete in time if pieces are handed on as they arrive.
     */
    abstract static class GatedStream extends CamelTestSupport {

        final GatedUpstream upstream = new GatedUpstream();
        final List<String> pieces = new CopyOnWriteArrayList<>();
        final GatewayConfig catalog = TestGateways.catalog("/clod-test.yaml", Map.of("GATED_URL", upstream.baseUrl()));

        @Override
        protected void doPostTearDown() throws Exception {
            upstream.close();
        }

        @Override
        protected RoutesBuilder createRouteBuilder() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:stream")
                            .to("clod:chat?model=gated-stream&stream=true")
                            .split(body())
                            .streaming()
                            .process(piece -> {
                                pieces.add(piece.getMessage().getBody(String.class));
                                upstream.open();
                            })
                            .end();
                }
            };
        }

        Exchange streamed() {
            return template.request("direct:stream", e -> e.getMessage().setBody("Stream to me"));
        }

        void assertPiecesArrivedBeforeTheEnd(Exchange done) {
            assertThat(done.getException()).isNull();
            assertThat(upstream.openedByReader())
                    .as("the first piece reached the split while the upstream held the rest")
                    .isTrue();
            assertThat(pieces).containsExactly("first", " second", " third");
            assertThat(done.getMessage().getHeaders())
                    .containsEntry(ClodConstants.RESOLVED_MODEL, "gated-stream")
                    .containsEntry(ClodConstants.PROVIDER, "gated")
                    .containsEntry(ClodConstants.PROMPT_TOKENS, 3)
                    .containsEntry(ClodConstants.COMPLETION_TOKENS, 3)
                    .containsEntry(ClodConstants.TOTAL_TOKENS, 6)
                    .containsEntry(ClodConstants.FINISH_REASON, "stop");
        }
    }

    @Nested
    class Embedded extends GatedStream {

        @Override
        protected void bindToRegistry(Registry registry) {
            registry.bind("gateway", Gateway.create(catalog, Clock.systemUTC()));
        }

        @Test
        void piecesArriveBeforeTheEndAndUsageFollowsIt() {
            Exchange done = streamed();

            assertPiecesArrivedBeforeTheEnd(done);
            // 3 prompt tokens at 1 USD and 3 completion tokens at 2 USD per million.
            assertThat(done.getMessage().getHeader(ClodConstants.COST_USD, BigDecimal.class))
                    .isEqualByComparingTo("0.000009");
        }
    }

    @Nested
    class Remote extends GatedStream {

        private ClodServer server;

        @Override
        protected void bindToRegistry(Registry registry) {
            server = TestGateways.server(catalog);
            ClodComponent clod = new ClodComponent();
            clod.getConfiguration().setBaseUrl(TestGateways.baseUrl(server));
            clod.getConfiguration().setApiKey(TestGateways.API_KEY);
            registry.bind("clod", clod);
        }

        @Override
        protected void doPostTearDown() throws Exception {
            super.doPostTearDown();
            server.close();
        }

        @Test
        void piecesArriveBeforeTheEndAndUsageFollowsIt() {
            Exchange done = streamed();

            assertPiecesArrivedBeforeTheEnd(done);
            assertThat(done.getMessage().getHeaders()).doesNotContainKey(ClodConstants.COST_USD);
        }
    }

    /** A simulated model from a configuration file, streamed and answered whole, says the same. */
    @Nested
    class FromConfigFile extends CamelTestSupport {

        final List<String> pieces = new CopyOnWriteArrayList<>();

        @Override
        protected void bindToRegistry(Registry registry) {
            ClodComponent clod = new ClodComponent();
            clod.setConfigFile("classpath:clod-slow.yaml");
            registry.bind("clod", clod);
        }

        @Override
        protected RoutesBuilder createRouteBuilder() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:stream")
                            .to("clod:chat?model=slow-llama&stream=true")
                            .split(body())
                            .streaming()
                            .process(piece -> pieces.add(piece.getMessage().getBody(String.class)))
                            .end();
                    from("direct:whole").to("clod:chat?model=slow-llama");
                }
            };
        }

        @Test
        void thePiecesJoinToTheWholeAnswer() {
            Exchange streamed =
                    template.request("direct:stream", e -> e.getMessage().setBody("Tell me about Boston"));
            Exchange whole =
                    template.request("direct:whole", e -> e.getMessage().setBody("Tell me about Boston"));

            assertThat(streamed.getException()).isNull();
            assertThat(pieces).hasSizeGreaterThan(1);
            assertThat(String.join("", pieces)).isEqualTo(whole.getMessage().getBody(String.class));
            assertThat(streamed.getMessage().getHeaders())
                    .containsEntry(ClodConstants.SITE, "boston")
                    .containsEntry(ClodConstants.FINISH_REASON, "stop")
                    .containsEntry(
                            ClodConstants.COMPLETION_TOKENS,
                            whole.getMessage().getHeader(ClodConstants.COMPLETION_TOKENS));
            assertThat(streamed.getMessage().getHeader(ClodConstants.COST_USD, BigDecimal.class))
                    .isEqualByComparingTo(whole.getMessage().getHeader(ClodConstants.COST_USD, BigDecimal.class));
        }

        @Test
        void theBodyIsAnIteratorUntilSomethingReadsIt() {
            Exchange started = template.request("clod:chat?model=slow-llama&stream=true", e -> e.getMessage()
                    .setBody("Hello"));

            assertThat(started.getMessage().getBody()).isInstanceOf(java.util.Iterator.class);
            assertThat(started.getMessage().getHeaders())
                    .containsEntry(ClodConstants.PROVIDER, "slow")
                    .doesNotContainKeys(ClodConstants.TOTAL_TOKENS, ClodConstants.COST_USD);
            java.util.Iterator<?> rest = started.getMessage().getBody(java.util.Iterator.class);
            rest.forEachRemaining(piece -> {});
            assertThat(started.getMessage().getHeader(ClodConstants.TOTAL_TOKENS, Integer.class))
                    .isPositive();
        }
    }
}
