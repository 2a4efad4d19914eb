package dev.clod.camel.energy;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.clod.camel.ClodComponent;
import java.time.Instant;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The policy of a component in remote mode plans with the server's windows. */
class CheapEnergyRoutePolicyRemoteTest {

    final WireMockServer server =
            new WireMockServer(WireMockConfiguration.options().dynamicPort());
    final MutableClock clock = new MutableClock(Instant.parse("2024-08-12T12:00:00Z"));
    final ManualTimer timer = new ManualTimer(clock);
    CamelContext context;

    @AfterEach
    void stop() throws Exception {
        if (context != null) {
            context.close();
        }
        server.stop();
    }

    CheapEnergyRoutePolicy startWith(String baseUrl) throws Exception {
        CheapEnergyRoutePolicy policy = new CheapEnergyRoutePolicy();
        policy.setModel("llama-3.1-8b");
        policy.setDuration("2h");
        policy.setDeadline("07:00 America/Chicago");
        policy.timer(timer);
        ClodComponent clod = new ClodComponent();
        clod.getConfiguration().setBaseUrl(baseUrl);
        context = new DefaultCamelContext();
        context.addComponent("clod", clod);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:batch").routeId("batch").routePolicy(policy).to("mock:done");
            }
        });
        context.start();
        return policy;
    }

    @Test
    void followsTheWindowTheServerProposes() throws Exception {
        server.start();
        server.stubFor(get(urlPathEqualTo("/v1/energy/windows"))
                .willReturn(aResponse().withBody(ClodPricesTest.fixture("windows.json"))));

        CheapEnergyRoutePolicy policy = startWith(server.baseUrl() + "/v1");

        EnergyPlan plan = policy.getPlan();
        assertThat(plan.deadline()).as("07:00 in Chicago, in summer").isEqualTo("2024-08-13T12:00:00Z");
        assertThat(plan.followsProposal()).isTrue();
        assertThat(plan.window().site()).isEqualTo("tulsa");
        assertThat(plan.start()).isEqualTo("2024-08-13T07:00:00Z");
        assertThat(policy.isConsuming()).isFalse();
    }

    @Test
    void anUnreachableServerStillMeetsTheDeadline() throws Exception {
        CheapEnergyRoutePolicy policy = startWith("http://127.0.0.1:9/v1");

        EnergyPlan plan = policy.getPlan();
        assertThat(plan.followsProposal()).isFalse();
        assertThat(plan.reason()).contains("planning failed").contains("127.0.0.1:9");
        assertThat(plan.start()).isEqualTo("2024-08-13T10:00:00Z");

        timer.advanceTo(plan.start());
        assertThat(policy.isConsuming()).isTrue();
    }
}
