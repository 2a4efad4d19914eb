package dev.clod.camel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clod.camel.energy.ModelPrices;
import dev.clod.camel.energy.PriceHistory;
import dev.clod.camel.energy.SitePrices;
import dev.clod.gateway.config.ConfigLoader;
import dev.clod.server.ClodServer;
import java.util.List;
import java.util.Map;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.Registry;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

/**
 * {@code clod:prices} in remote mode against a real gateway server on the demo catalog, not a stub:
 * the component reads what the server's energy endpoints really send.
 */
class ClodPricesServerTest extends CamelTestSupport {

    private ClodServer server;

    @Override
    protected void bindToRegistry(Registry registry) {
        server = TestGateways.server(ConfigLoader.embeddedDefault(Map.of()));
        ClodComponent clod = new ClodComponent();
        clod.getConfiguration().setBaseUrl(TestGateways.baseUrl(server));
        clod.getConfiguration().setApiKey(TestGateways.API_KEY);
        registry.bind("clod", clod);
    }

    @Override
    protected void doPostTearDown() {
        server.close();
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:sites").to("clod:prices");
                from("direct:model").to("clod:prices?model=llama-3.1-8b");
                from("direct:history").to("clod:prices?model=llama-3.1-8b&window=4h");
            }
        };
    }

    @Test
    @SuppressWarnings("unchecked")
    void readsTheServersSitesModelPricesAndHistory() {
        List<SitePrices> sites = template.requestBody("direct:sites", null, List.class);
        ModelPrices model = template.requestBody("direct:model", null, ModelPrices.class);
        PriceHistory history = template.requestBody("direct:history", null, PriceHistory.class);

        assertThat(sites).hasSize(6);
        assertThat(sites).allSatisfy(site -> {
            assertThat(site.usdPerMwh()).isNotNull();
            assertThat(site.status()).isEqualTo("live");
        });
        assertThat(model.sites()).hasSize(3);
        assertThat(model.sites().get(0).site()).isIn("dallas", "tulsa", "los-angeles");
        assertThat(history.sites()).hasSize(3);
        assertThat(history.cheapest()).isNotEmpty();
    }
}
