package dev.clod.camel.energy;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.clod.camel.energy.EnergyCatalog.MONDAY_1030;
import static dev.clod.camel.energy.EnergyCatalog.llamaPrice;
import static dev.clod.camel.energy.EnergyCatalog.samePrice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.clod.camel.ClodComponent;
import dev.clod.camel.ClodConstants;
import dev.clod.camel.ClodRemoteException;
import dev.clod.gateway.Gateway;
import dev.clod.gateway.api.InvalidRequestException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.spi.Registry;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code to("clod:prices…")}: the same records from the embedded gateway and from a server. */
class ClodPricesTest {

    static byte[] fixture(String name) {
        try (InputStream in = ClodPricesTest.class.getResourceAsStream("/fixtures/energy/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    abstract static class PricesRoutes extends CamelTestSupport {

        @Override
        protected RoutesBuilder createRouteBuilder() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:sites").to("clod:prices");
                    from("direct:model").to("clod:prices?model=llama-3.1-8b");
                    from("direct:history").to("clod:prices?model=llama-3.1-8b&window=24h");
                    // What users do with the list: split it and keep the sites they want.
                    from("direct:cheapSites")
                            .to("clod:prices")
                            .split(body())
                            .filter(simple("${body.usdPerMwh} < 35"))
                            .to("mock:cheap");
                }
            };
        }

        @SuppressWarnings("unchecked")
        List<SitePrices> sites(Exchange answer) {
            assertThat(answer.getException()).isNull();
            return answer.getMessage().getBody(List.class);
        }
    }

    @Nested
    class Embedded extends PricesRoutes {

        @TempDir
        Path folder;

        private Gateway gateway;

        @Override
        protected void bindToRegistry(Registry registry) {
            gateway = EnergyCatalog.gateway(folder, new MutableClock(MONDAY_1030));
            registry.bind("gateway", gateway);
        }

        @Override
        protected void doPostTearDown() {
            gateway.close();
        }

        @Test
        void theSitesAreAListOfRecordsWithThePricesInstant() {
            Exchange answer = template.request("direct:sites", e -> {});

            List<SitePrices> sites = sites(answer);
            assertThat(sites).extracting(SitePrices::site).containsExactly("north", "south");
            assertThat(sites.get(1).usdPerMwh()).isEqualByComparingTo("30");
            assertThat(samePrice(sites.get(1).models().get(0).pricePer1m(), llamaPrice("1.2", "30")))
                    .isTrue();
            assertThat(answer.getMessage().getHeader(ClodConstants.PRICED_AT)).isEqualTo(MONDAY_1030.toString());
        }

        @Test
        void theSiteOptionKeepsTheSitesNamed() {
            List<SitePrices> sites = sites(template.request("clod:prices?site=south", e -> {}));

            assertThat(sites).extracting(SitePrices::site).containsExactly("south");
        }

        @Test
        void theListCanBeSplitAndFiltered() throws Exception {
            MockEndpoint cheap = getMockEndpoint("mock:cheap");
            cheap.expectedMessageCount(1);

            template.sendBody("direct:cheapSites", null);

            cheap.assertIsSatisfied();
            assertThat(cheap.getExchanges()
                            .get(0)
                            .getMessage()
                            .getBody(SitePrices.class)
                            .site())
                    .isEqualTo("south");
        }

        @Test
        void aModelsPricesNameItsCheapestSiteInTheHeaders() {
            Exchange answer = template.request("direct:model", e -> {});

            ModelPrices prices = answer.getMessage().getBody(ModelPrices.class);
            assertThat(prices.sites()).extracting(ModelSitePrice::site).containsExactly("south", "north");
            assertThat(answer.getMessage().getHeader(ClodConstants.SITE)).isEqualTo("south");
            assertThat(answer.getMessage().getHeader(ClodConstants.USD_PER_MWH, java.math.BigDecimal.class))
                    .isEqualByComparingTo("30");
            assertThat(answer.getMessage().getHeader(ClodConstants.PRICE_STATUS))
                    .isEqualTo("live");
        }

        @Test
        void aWindowGivesTheModelsHistory() {
            Exchange answer = template.request("direct:history", e -> {});

            PriceHistory history = answer.getMessage().getBody(PriceHistory.class);
            assertThat(history.model()).isEqualTo("llama-3.1-8b");
            assertThat(history.to()).isEqualTo(MONDAY_1030);
            assertThat(history.sites()).extracting(SiteHistory::site).containsExactly("north", "south");
            assertThat(history.cheapest()).isNotEmpty();
        }

        @Test
        void aModelNotPricedByEnergyFailsTheRouteStart() {
            assertThatThrownBy(() -> context.addRoutes(new RouteBuilder() {
                        @Override
                        public void configure() {
                            from("direct:listed").to("clod:prices?model=listed-model");
                        }
                    }))
                    .hasRootCauseInstanceOf(InvalidRequestException.class)
                    .rootCause()
                    .hasMessageContaining("listed-model");
        }
    }

    @Nested
    class Remote extends PricesRoutes {

        private static final String KEY = "sk-clod-prices-test";

        private final WireMockServer server =
                new WireMockServer(WireMockConfiguration.options().dynamicPort());

        @Override
        protected void bindToRegistry(Registry registry) {
            server.start();
            server.stubFor(get(urlEqualTo("/v1/energy/sites"))
                    .willReturn(aResponse()
                            .withHeader("content-type", "application/json")
                            .withBody(fixture("sites-before.json"))));
            server.stubFor(get(urlEqualTo("/v1/models/llama-3.1-8b/prices?window=24h"))
                    .willReturn(aResponse()
                            .withHeader("content-type", "application/json")
                            .withBody(fixture("prices-24h.json"))));
            server.stubFor(get(urlEqualTo("/v1/models/no-such-model/prices?window=24h"))
                    .willReturn(aResponse()
                            .withStatus(404)
                            .withHeader("content-type", "application/json")
                            .withBody(fixture("model-not-found.json"))));
            ClodComponent clod = new ClodComponent();
            clod.getConfiguration().setBaseUrl(server.baseUrl() + "/v1");
            clod.getConfiguration().setApiKey(KEY);
            registry.bind("clod", clod);
        }

        @Override
        protected void doPostTearDown() {
            server.stop();
        }

        @Test
        void theSitesAreTheServersReadIntoTheSameRecords() {
            Exchange answer = template.request("direct:sites", e -> {});

            List<SitePrices> sites = sites(answer);
            assertThat(sites).extracting(SitePrices::site).containsExactly("dallas", "tulsa");
            SitePrices dallas = sites.get(0);
            assertThat(dallas.gridLocation()).isEqualTo("ercot-north");
            assertThat(dallas.pue()).isEqualByComparingTo("1.25");
            assertThat(dallas.usdPerMwh()).isEqualByComparingTo("20.37");
            assertThat(dallas.since()).isEqualTo("2024-08-12T12:00:00Z");
            assertThat(dallas.feedError()).isNull();
            // Read as decimals: no binary fraction shows in the tenth decimal place.
            assertThat(dallas.models().get(0).pricePer1m().inputPer1m().toPlainString())
                    .isEqualTo("0.0122321375");
            assertThat(answer.getMessage().getHeader(ClodConstants.PRICED_AT)).isEqualTo("2024-08-12T12:00:00Z");
            server.verify(getRequestedFor(urlEqualTo("/v1/energy/sites"))
                    .withHeader("authorization", equalTo("Bearer " + KEY)));
        }

        @Test
        void aModelsPricesAreDerivedFromTheServersSites() {
            Exchange answer = template.request("direct:model", e -> {});

            ModelPrices prices = answer.getMessage().getBody(ModelPrices.class);
            assertThat(prices.asOf()).isEqualTo("2024-08-12T12:00:00Z");
            assertThat(prices.sites()).extracting(ModelSitePrice::site).containsExactly("tulsa", "dallas");
            assertThat(answer.getMessage().getHeader(ClodConstants.SITE)).isEqualTo("tulsa");
        }

        @Test
        void aWindowGivesTheServersHistory() {
            PriceHistory history = template.requestBody("direct:history", null, PriceHistory.class);

            assertThat(history.window()).isEqualTo("24h");
            assertThat(history.cheapest()).extracting(PriceAt::site).containsExactly("tulsa", "dallas");
            SiteHistory dallas = history.sites().get(0);
            assertThat(dallas.deployment()).isEqualTo("llama-3.1-8b/sim-dallas");
            assertThat(dallas.series()).allMatch(point -> "dallas".equals(point.site()));
            assertThat(dallas.at(java.time.Instant.parse("2024-08-12T11:00:00Z"))
                            .orElseThrow()
                            .usdPerMwh())
                    .isEqualByComparingTo("14.51");
        }

        @Test
        void theServersErrorIsARemoteExceptionWithItsStatusAndCode() {
            Exchange answer = template.request("clod:prices?model=no-such-model&window=24h", e -> {});

            assertThat(answer.getException()).isInstanceOfSatisfying(ClodRemoteException.class, error -> {
                assertThat(error.status()).isEqualTo(404);
                assertThat(error.code()).isEqualTo("model_not_found");
            });
        }
    }
}
