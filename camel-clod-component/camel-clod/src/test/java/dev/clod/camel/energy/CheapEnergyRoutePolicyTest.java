package dev.clod.camel.energy;

import static dev.clod.camel.energy.StubEnergy.MODEL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clod.camel.ClodRemoteException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PropertyBindingSupport;
import org.apache.camel.support.ScheduledPollConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The policy on a clock the test moves: a file route whose consumer polls only when the test asks it to,
 * so that "nothing was consumed while suspended" is checked by a poll that happened, not by waiting.
 */
class CheapEnergyRoutePolicyTest {

    /** Monday noon, UTC: the daily 08:00 UTC deadline ahead is Tuesday's. */
    static final Instant MONDAY_NOON = Instant.parse("2024-08-12T12:00:00Z");

    static final Instant TUESDAY_8AM = Instant.parse("2024-08-13T08:00:00Z");

    @TempDir
    Path inbox;

    final MutableClock clock = new MutableClock(MONDAY_NOON);
    final ManualTimer timer = new ManualTimer(clock);
    final StubEnergy energy = new StubEnergy(clock);
    CamelContext context;
    MockEndpoint done;

    @AfterEach
    void stopCamel() throws Exception {
        if (context != null) {
            context.close();
        }
    }

    void start(CheapEnergyRoutePolicy policy) throws Exception {
        context = new DefaultCamelContext();
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
        done = context.getEndpoint("mock:done", MockEndpoint.class);
    }

    CheapEnergyRoutePolicy windowsUntil8() {
        return new CheapEnergyRoutePolicy()
                .model(MODEL)
                .duration(Duration.ofHours(2))
                .deadline(Deadline.daily(LocalTime.of(8, 0), ZoneOffset.UTC))
                .energy(energy)
                .timer(timer);
    }

    /** Polls the directory once, as the file consumer's scheduler would; answers how many files were consumed in all. */
    int pollAndCount() {
        ((ScheduledPollConsumer) context.getRoute("batch").getConsumer()).run();
        return done.getReceivedCounter();
    }

    void drop(String... names) {
        for (String name : names) {
            try {
                Files.writeString(inbox.resolve(name), "record " + name);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    List<String> waiting() {
        try (Stream<Path> files = Files.list(inbox)) {
            return files.filter(Files::isRegularFile)
                    .map(file -> file.getFileName().toString())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Nested
    class Windows {

        @Test
        void waitsInTheDirectoryUntilTheProposedWindowAndSuspendsWhenItEnds() throws Exception {
            energy.proposes(Instant.parse("2024-08-13T02:00:00Z"), Instant.parse("2024-08-13T04:00:00Z"), "11.08");
            drop("a.txt", "b.txt");
            CheapEnergyRoutePolicy policy = windowsUntil8();

            start(policy);

            assertThat(energy.questions())
                    .containsExactly(new StubEnergy.WindowQuestion(MONDAY_NOON, Duration.ofHours(2), TUESDAY_8AM));
            EnergyPlan plan = policy.getPlan();
            assertThat(plan.followsProposal()).isTrue();
            assertThat(plan.start()).isEqualTo("2024-08-13T02:00:00Z");
            assertThat(plan.end()).isEqualTo("2024-08-13T04:00:00Z");
            assertThat(plan.deadline()).isEqualTo(TUESDAY_8AM);
            assertThat(policy.isConsuming()).isFalse();
            assertThat(pollAndCount()).isZero();
            assertThat(waiting()).containsExactly("a.txt", "b.txt");

            timer.advanceTo(Instant.parse("2024-08-13T01:59:59Z"));
            assertThat(pollAndCount()).isZero();
            assertThat(waiting()).containsExactly("a.txt", "b.txt");

            timer.advanceTo(Instant.parse("2024-08-13T02:00:00Z"));
            assertThat(policy.isConsuming()).isTrue();
            assertThat(pollAndCount()).isEqualTo(2);
            assertThat(waiting()).isEmpty();

            // Tuesday's window ends: the next cycle plans for Wednesday's deadline.
            energy.proposes(Instant.parse("2024-08-14T03:00:00Z"), Instant.parse("2024-08-14T05:00:00Z"), "9.5");
            drop("c.txt");
            timer.advanceTo(Instant.parse("2024-08-13T04:00:00Z"));

            assertThat(policy.isConsuming()).isFalse();
            assertThat(pollAndCount()).isEqualTo(2);
            assertThat(waiting()).containsExactly("c.txt");
            assertThat(energy.questions().get(1))
                    .isEqualTo(new StubEnergy.WindowQuestion(
                            Instant.parse("2024-08-13T04:00:00Z"),
                            Duration.ofHours(2),
                            Instant.parse("2024-08-14T08:00:00Z")));
            assertThat(policy.getPlan().start()).isEqualTo("2024-08-14T03:00:00Z");
        }

        @Test
        void whenPlanningFailsItStartsAtTheLatestStartThatMeetsTheDeadline() throws Exception {
            energy.failsToPlan(new ClodRemoteException(
                    502, ClodRemoteException.CONNECTION_ERROR, null, null, "gateway server unreachable", null));
            drop("a.txt");
            CheapEnergyRoutePolicy policy = windowsUntil8();

            start(policy);

            EnergyPlan plan = policy.getPlan();
            assertThat(plan.followsProposal()).isFalse();
            assertThat(plan.reason()).contains("planning failed").contains("gateway server unreachable");
            assertThat(plan.start()).isEqualTo("2024-08-13T06:00:00Z");
            assertThat(plan.end()).isEqualTo(TUESDAY_8AM);

            timer.advanceTo(Instant.parse("2024-08-13T05:59:00Z"));
            assertThat(pollAndCount()).isZero();
            assertThat(waiting()).containsExactly("a.txt");

            timer.advanceTo(Instant.parse("2024-08-13T06:00:00Z"));
            assertThat(pollAndCount()).isEqualTo(1);
            assertThat(clock.instant()).isBefore(TUESDAY_8AM);

            timer.advanceTo(TUESDAY_8AM);
            assertThat(policy.isConsuming()).isFalse();
        }

        @Test
        void whenNoWindowIsProposedItStartsAtTheLatestStart() throws Exception {
            energy.proposesNothing();
            CheapEnergyRoutePolicy policy = windowsUntil8();

            start(policy);

            assertThat(policy.getPlan().reason()).contains("no window");
            assertThat(policy.getPlan().start()).isEqualTo("2024-08-13T06:00:00Z");
            assertThat(timer.pending()).containsExactly(Instant.parse("2024-08-13T06:00:00Z"), TUESDAY_8AM);
        }

        @Test
        void aDeadlineTooCloseForTheWorkStartsItAtOnceWithoutAsking() throws Exception {
            clock.set(Instant.parse("2024-08-13T07:00:00Z"));
            energy.proposes(Instant.parse("2024-08-14T02:00:00Z"), Instant.parse("2024-08-14T04:00:00Z"), "11");
            drop("late.txt");
            CheapEnergyRoutePolicy policy = windowsUntil8();

            start(policy);

            assertThat(policy.isConsuming()).isTrue();
            assertThat(policy.getPlan().deadline()).isEqualTo(TUESDAY_8AM);
            assertThat(policy.getPlan().reason()).contains("less than the expected duration");
            assertThat(energy.questions()).isEmpty();
            assertThat(pollAndCount()).isEqualTo(1);

            // At the deadline the next day's cycle follows the proposal again.
            timer.advanceTo(TUESDAY_8AM);
            assertThat(policy.isConsuming()).isFalse();
            assertThat(policy.getPlan().followsProposal()).isTrue();
            assertThat(policy.getPlan().deadline()).isEqualTo("2024-08-14T08:00:00Z");
        }

        @Test
        void aFixedDeadlineHasOneCycleAfterWhichTheRouteKeepsConsuming() throws Exception {
            energy.proposes(Instant.parse("2024-08-13T02:00:00Z"), Instant.parse("2024-08-13T04:00:00Z"), "11");
            CheapEnergyRoutePolicy policy = windowsUntil8().deadline(Deadline.at(TUESDAY_8AM));

            start(policy);
            timer.advanceTo(Instant.parse("2024-08-13T02:00:00Z"));
            assertThat(policy.isConsuming()).isTrue();
            timer.advanceTo(Instant.parse("2024-08-13T04:00:00Z"));

            assertThat(policy.isConsuming()).isTrue();
            assertThat(energy.questions()).hasSize(1);
            assertThat(timer.pending()).isEmpty();
            drop("after.txt");
            assertThat(pollAndCount()).isEqualTo(1);
        }
    }

    @Nested
    class Ceiling {

        CheapEnergyRoutePolicy atMost30() {
            return new CheapEnergyRoutePolicy()
                    .model(MODEL)
                    .maxUsdPerMwh(new BigDecimal("30"))
                    .energy(energy)
                    .timer(timer);
        }

        @Test
        void consumesOnlyWhileThePriceIsAtOrBelowTheCeiling() throws Exception {
            drop("a.txt");
            CheapEnergyRoutePolicy policy = atMost30();

            start(policy);
            assertThat(policy.isConsuming()).isFalse();
            assertThat(pollAndCount()).isZero();
            assertThat(waiting()).containsExactly("a.txt");

            energy.priceChangesTo("30");
            assertThat(policy.isConsuming()).isTrue();
            assertThat(pollAndCount()).isEqualTo(1);

            energy.priceChangesTo("30.01");
            drop("b.txt");
            assertThat(policy.isConsuming()).isFalse();
            assertThat(pollAndCount()).isEqualTo(1);
            assertThat(waiting()).containsExactly("b.txt");
            assertThat(policy.getPlan()).isNull();
        }

        @Test
        void aTokenPriceCeilingComparesTheCheapestSitesPrice() throws Exception {
            // The stub's output price is 0.02 + usd_per_mwh / 100000: 0.0204 at 40 $/MWh.
            CheapEnergyRoutePolicy policy = new CheapEnergyRoutePolicy()
                    .model(MODEL)
                    .maxOutputPricePer1m(new BigDecimal("0.0203"))
                    .energy(energy)
                    .timer(timer);

            start(policy);
            assertThat(policy.isConsuming()).isFalse();
            energy.priceChangesTo("30");

            assertThat(policy.isConsuming()).isTrue();
        }

        @Test
        void aDeadlineForcesTheConsumerOnAtTheLatestStartWhateverThePrice() throws Exception {
            drop("a.txt");
            CheapEnergyRoutePolicy policy = atMost30()
                    .duration(Duration.ofHours(2))
                    .deadline(Deadline.daily(LocalTime.of(8, 0), ZoneOffset.UTC));

            start(policy);
            timer.advanceTo(Instant.parse("2024-08-13T05:59:59Z"));
            assertThat(pollAndCount()).isZero();

            timer.advanceTo(Instant.parse("2024-08-13T06:00:00Z"));
            assertThat(policy.isConsuming()).isTrue();
            energy.priceChangesTo("80");
            assertThat(policy.isConsuming()).isTrue();
            assertThat(pollAndCount()).isEqualTo(1);

            // Past the deadline, the price decides again, and the next deadline is Wednesday's.
            timer.advanceTo(TUESDAY_8AM);
            assertThat(policy.isConsuming()).isFalse();
            assertThat(timer.pending())
                    .containsExactly(Instant.parse("2024-08-14T06:00:00Z"), Instant.parse("2024-08-14T08:00:00Z"));
        }
    }

    @Test
    void stoppingTheRouteStopsWatchingAndCancelsWhatWasScheduled() throws Exception {
        CheapEnergyRoutePolicy policy = new CheapEnergyRoutePolicy()
                .model(MODEL)
                .maxUsdPerMwh(new BigDecimal("30"))
                .duration(Duration.ofHours(2))
                .deadline(Deadline.daily(LocalTime.of(8, 0), ZoneOffset.UTC))
                .energy(energy)
                .timer(timer);
        start(policy);
        assertThat(energy.watchers()).isEqualTo(1);
        assertThat(timer.pending()).isNotEmpty();

        context.getRouteController().stopRoute("batch");

        assertThat(energy.watchers()).isZero();
        assertThat(timer.pending()).isEmpty();
    }

    @Test
    void itIsABeanConfiguredByItsPropertiesAsCamelBindsThem() throws Exception {
        CheapEnergyRoutePolicy policy = new CheapEnergyRoutePolicy();
        Map<String, Object> properties = new HashMap<>(Map.of(
                "model", "llama-3.1-8b",
                "duration", "2h",
                "deadline", "08:00 Europe/Paris",
                "maxUsdPerMwh", "25",
                "pollInterval", "5m"));
        CamelContext camel = new DefaultCamelContext();
        try {
            PropertyBindingSupport.build().bind(camel, policy, properties);
        } finally {
            camel.close();
        }

        assertThat(policy.getModel()).isEqualTo("llama-3.1-8b");
        assertThat(policy.getDuration()).isEqualTo("2h");
        assertThat(policy.getDeadline()).isEqualTo("08:00 Europe/Paris");
        assertThat(policy.getMaxUsdPerMwh()).isEqualTo("25");
        assertThat(policy.getPollInterval()).isEqualTo("5m");
    }

    @Test
    void badOptionsStopTheRouteFromStartingNamingTheOption() {
        CheapEnergyRoutePolicy policy = windowsUntil8();
        policy.setDeadline("tomorrow morning");

        assertThatThrownBy(() -> start(policy))
                .rootCause()
                .hasMessageContaining("Invalid option 'deadline' of CheapEnergyRoutePolicy")
                .hasMessageContaining("tomorrow morning");
    }
}
