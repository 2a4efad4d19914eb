package dev.clod.camel.energy;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.clod.camel.energy.EnergyCatalog.MONDAY_1030;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.clod.camel.ClodComponent;
import dev.clod.camel.ClodConstants;
import dev.clod.gateway.Gateway;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.spi.Registry;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code from("clod:prices…")}: one exchange per site whose price changed. */
class ClodPricesConsumerTest {

    @Nested
    class Embedded extends CamelTestSupport {

        @TempDir
        Path folder;

        private final MutableClock clock = new MutableClock(MONDAY_1030);
        private Gateway gateway;

        @Override
        protected void bindToRegistry(Registry registry) {
            gateway = EnergyCatalog.gateway(folder, clock);
            registry.bind("gateway", gateway);
        }

        @Override
        protected void doPostTearDown() {
            gateway.close();
        }

        @Override
        protected RoutesBuilder createRouteBuilder() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("clod:prices").routeId("all").to("mock:all");
                    from("clod:prices?site=south").to("mock:south");
                    from("clod:prices?model=qwen-small").to("mock:qwen");
                }
            };
        }

        /** Moves the energy clock and lets the market notice at once, as its timer would within a second. */
        private void moveTo(String instant) {
            clock.set(Instant.parse(instant));
            gateway.energy().prices().refresh();
        }

        @Test
        void eachChangedSiteIsOneExchangeWithItsPriceInHeaders() throws Exception {
            MockEndpoint all = getMockEndpoint("mock:all");
            all.expectedMessageCount(1);

            moveTo("2024-08-12T11:30:00Z");

            all.assertIsSatisfied();
            Message change = all.getExchanges().get(0).getMessage();
            SitePrices north = change.getBody(SitePrices.class);
            assertThat(north.site()).isEqualTo("north");
            assertThat(north.usdPerMwh()).isEqualByComparingTo("45");
            assertThat(north.models()).extracting(SiteModelPrice::model).containsExactly("llama-3.1-8b", "qwen-small");
            assertThat(change.getHeader(ClodConstants.SITE)).isEqualTo("north");
            assertThat(change.getHeader(ClodConstants.USD_PER_MWH, BigDecimal.class))
                    .isEqualByComparingTo("45");
            assertThat(change.getHeader(ClodConstants.PRICE_STATUS)).isEqualTo("live");
            assertThat(change.getHeader(ClodConstants.PRICED_AT)).isEqualTo("2024-08-12T11:30:00Z");
        }

        @Test
        void theSiteAndModelOptionsKeepOnlyTheirChanges() throws Exception {
            MockEndpoint all = getMockEndpoint("mock:all");
            MockEndpoint south = getMockEndpoint("mock:south");
            MockEndpoint qwen = getMockEndpoint("mock:qwen");
            all.expectedMessageCount(3);
            south.expectedMessageCount(1);
            qwen.expectedMessageCount(2);

            // North changes at 11:00; at 12:00 both do (south every two hours).
            moveTo("2024-08-12T11:30:00Z");
            moveTo("2024-08-12T12:30:00Z");

            MockEndpoint.assertIsSatisfied(all, south, qwen);
            assertThat(all.getExchanges())
                    .extracting(exchange -> exchange.getMessage().getHeader(ClodConstants.SITE))
                    .containsExactly("north", "north", "south");
            assertThat(south.getExchanges()
                            .get(0)
                            .getMessage()
                            .getBody(SitePrices.class)
                            .site())
                    .isEqualTo("south");
            for (Exchange change : qwen.getExchanges()) {
                SitePrices site = change.getMessage().getBody(SitePrices.class);
                assertThat(site.site()).isEqualTo("north");
                assertThat(site.models()).extracting(SiteModelPrice::model).containsExactly("qwen-small");
            }
        }

        @Test
        void onlyClodPricesConsumesAndItTakesNoWindow() {
            assertThatThrownBy(() -> context.addRoutes(new RouteBuilder() {
                        @Override
                        public void configure() {
                            from("clod:chat?model=llama-3.1-8b").to("mock:never");
                        }
                    }))
                    .hasRootCauseInstanceOf(UnsupportedOperationException.class)
                    .rootCause()
                    .hasMessageContaining("Only clod:prices consumes");
            assertThatThrownBy(() -> context.addRoutes(new RouteBuilder() {
                        @Override
                        public void configure() {
                            from("clod:prices?model=llama-3.1-8b&window=24h").to("mock:never");
                        }
                    }))
                    .rootCause()
                    .hasMessageContaining("Invalid option 'window'");
        }
    }

    @Nested
    class Remote extends CamelTestSupport {

        private final WireMockServer server =
                new WireMockServer(WireMockConfiguration.options().dynamicPort());

        @Override
        protected void bindToRegistry(Registry registry) {
            server.start();
            // The first reading is the baseline; the second has a new price at dallas only.
            server.stubFor(get(urlEqualTo("/v1/energy/sites"))
                    .inScenario("prices")
                    .whenScenarioStateIs(Scenario.STARTED)
                    .willReturn(aResponse().withBody(ClodPricesTest.fixture("sites-before.json")))
                    .willSetStateTo("changed"));
            server.stubFor(get(urlEqualTo("/v1/energy/sites"))
                    .inScenario("prices")
                    .whenScenarioStateIs("changed")
                    .willReturn(aResponse().withBody(ClodPricesTest.fixture("sites-after.json"))));
            ClodComponent clod = new ClodComponent();
            clod.getConfiguration().setBaseUrl(server.baseUrl() + "/v1");
            registry.bind("clod", clod);
        }

        @Override
        protected void doPostTearDown() {
            server.stop();
        }

        @Override
        protected RoutesBuilder createRouteBuilder() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("clod:prices?pollInterval=50ms").to("mock:changes");
                }
            };
        }

        @Test
        void aChangeBetweenTwoReadingsOfTheServerIsOneExchangePerChangedSite() throws Exception {
            MockEndpoint changes = getMockEndpoint("mock:changes");
            changes.expectedMessageCount(1);

            changes.assertIsSatisfied();

            Message change = changes.getExchanges().get(0).getMessage();
            SitePrices dallas = change.getBody(SitePrices.class);
            assertThat(dallas.site()).isEqualTo("dallas");
            assertThat(dallas.usdPerMwh()).isEqualByComparingTo("15.87");
            assertThat(change.getHeader(ClodConstants.PRICED_AT)).isEqualTo("2024-08-12T13:00:00Z");
            assertThat(change.getHeader(ClodConstants.USD_PER_MWH, BigDecimal.class))
                    .isEqualByComparingTo("15.87");
        }
    }
}
