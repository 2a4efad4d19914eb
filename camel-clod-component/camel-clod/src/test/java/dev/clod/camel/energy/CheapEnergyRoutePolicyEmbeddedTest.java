package dev.clod.camel.energy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clod.gateway.Gateway;
import dev.clod.gateway.api.ModelNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.ScheduledPollConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The policy on a real embedded gateway found through the {@code clod} component: the window it plans
 * comes from the gateway's day-ahead prices, and time from the gateway's energy clock.
 */
class CheapEnergyRoutePolicyEmbeddedTest {

    @TempDir
    Path folder;

    @TempDir
    Path inbox;

    final MutableClock clock = new MutableClock(Instant.parse("2024-08-12T22:00:00Z"));
    final ManualTimer timer = new ManualTimer(clock);
    Gateway gateway;
    CamelContext context;

    @AfterEach
    void stop() throws Exception {
        if (context != null) {
            context.close();
        }
        if (gateway != null) {
            gateway.close();
        }
    }

    void start(CheapEnergyRoutePolicy policy) throws Exception {
        gateway = EnergyCatalog.gateway(folder, clock);
        context = new DefaultCamelContext();
        context.getRegistry().bind("gateway", gateway);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("file:" + inbox + "?startScheduler=false")
                        .routeId("batch")
                        .routePolicy(policy)
                        .to("mock:done");
            }
        });
        context.start();
    }

    @Test
    void resumesInTheGatewaysCheapestWindowBeforeTheDeadline() throws Exception {
        Files.writeString(inbox.resolve("record.txt"), "one record");
        CheapEnergyRoutePolicy policy = new CheapEnergyRoutePolicy();
        policy.setModel("Llama 3.1 8B");
        policy.setDuration("2h");
        policy.setDeadline("08:00");
        policy.timer(timer);

        start(policy);

        EnergyPlan plan = policy.getPlan();
        assertThat(plan.followsProposal()).isTrue();
        assertThat(plan.window().site()).isEqualTo("south");
        assertThat(plan.start()).isEqualTo("2024-08-13T04:00:00Z");
        assertThat(plan.end()).isEqualTo("2024-08-13T06:00:00Z");
        assertThat(plan.deadline()).isEqualTo("2024-08-13T08:00:00Z");
        MockEndpoint done = context.getEndpoint("mock:done", MockEndpoint.class);
        ScheduledPollConsumer files =
                (ScheduledPollConsumer) context.getRoute("batch").getConsumer();
        files.run();
        assertThat(done.getReceivedCounter()).isZero();

        timer.advanceTo(plan.start());
        files.run();

        assertThat(done.getReceivedCounter()).isEqualTo(1);
        assertThat(Files.exists(inbox.resolve("record.txt"))).isFalse();
    }

    @Test
    void aModelTheGatewayDoesNotKnowStopsTheRouteFromStarting() {
        CheapEnergyRoutePolicy policy = new CheapEnergyRoutePolicy()
                .model("no-such-model")
                .duration(Duration.ofHours(2))
                .deadline(Deadline.daily(LocalTime.of(8, 0), ZoneOffset.UTC))
                .timer(timer);

        assertThatThrownBy(() -> start(policy)).hasRootCauseInstanceOf(ModelNotFoundException.class);
    }
}
