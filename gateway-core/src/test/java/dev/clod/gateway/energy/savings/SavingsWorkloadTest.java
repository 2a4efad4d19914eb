package dev.clod.gateway.energy.savings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class SavingsWorkloadTest {

    private static final ZoneId CENTRAL = ZoneId.of("America/Chicago");
    private static final TokenVolume REQUEST = new TokenVolume(1_000, 200);

    @Test
    void anHoursRequestsAreSharedOutOverItsSlotsAsWholeRequests() {
        List<Integer> weekday = hours(0);
        weekday.set(9, 10);
        InteractiveTraffic traffic =
                new InteractiveTraffic(CENTRAL, weekday, hours(0), REQUEST, Duration.ofMinutes(15));
        // Monday 2024-08-12, 09:00 Central daylight time is 14:00 UTC
        Instant nine = Instant.parse("2024-08-12T14:00:00Z");

        List<InteractiveSlot> slots = traffic.slots(nine, nine.plus(Duration.ofHours(1)));

        assertThat(slots).extracting(InteractiveSlot::submitted).first().isEqualTo(nine);
        assertThat(slots).extracting(InteractiveSlot::requests).containsExactly(2L, 3L, 2L, 3L);
        assertThat(slots.get(1).tokens()).isEqualTo(new TokenVolume(3_000, 600));
    }

    @Test
    void weekendsFollowTheirOwnCurveInLocalTime() {
        InteractiveTraffic traffic = new InteractiveTraffic(CENTRAL, hours(8), hours(4), REQUEST, Duration.ofHours(1));
        // Friday 23:00 and Saturday 00:00 Central
        List<InteractiveSlot> slots =
                traffic.slots(Instant.parse("2024-08-10T04:00:00Z"), Instant.parse("2024-08-10T06:00:00Z"));

        assertThat(slots).extracting(InteractiveSlot::requests).containsExactly(8L, 4L);
    }

    @Test
    void aNightlyJobIsSubmittedAtSixInTheEveningAndDueAtEightTheNextMorningLocalTime() {
        BatchSchedule nightly = new BatchSchedule(
                "nightly-etl",
                CENTRAL,
                EnumSet.allOf(DayOfWeek.class),
                LocalTime.of(18, 0),
                1,
                LocalTime.of(8, 0),
                Duration.ofHours(2),
                REQUEST);

        List<BatchJob> jobs =
                nightly.jobs(Instant.parse("2024-08-10T05:00:00Z"), Instant.parse("2024-08-12T05:00:00Z"));

        assertThat(jobs)
                .extracting(BatchJob::submitted)
                .containsExactly(Instant.parse("2024-08-10T23:00:00Z"), Instant.parse("2024-08-11T23:00:00Z"));
        assertThat(jobs.get(0).deadline()).isEqualTo(Instant.parse("2024-08-11T13:00:00Z"));
    }

    @Test
    void aWeeklyJobRunsOnlyOnItsDay() {
        BatchSchedule weekly = new BatchSchedule(
                "weekly-report",
                CENTRAL,
                EnumSet.of(DayOfWeek.FRIDAY),
                LocalTime.of(18, 0),
                3,
                LocalTime.of(6, 0),
                Duration.ofHours(4),
                REQUEST);

        List<BatchJob> jobs = weekly.jobs(Instant.parse("2024-08-05T05:00:00Z"), Instant.parse("2024-08-19T05:00:00Z"));

        assertThat(jobs)
                .extracting(BatchJob::submitted)
                .containsExactly(Instant.parse("2024-08-09T23:00:00Z"), Instant.parse("2024-08-16T23:00:00Z"));
        // Monday 06:00 Central
        assertThat(jobs.get(0).deadline()).isEqualTo(Instant.parse("2024-08-12T11:00:00Z"));
    }

    @Test
    void theWorkloadListsEveryJobInSubmissionOrder() {
        Workload workload = SavingsScenario.demo().workload();
        Instant from = Instant.parse("2024-08-12T05:00:00Z");

        List<Job> jobs = workload.jobs(from, from.plus(Duration.ofDays(7)));

        assertThat(jobs).filteredOn(job -> job instanceof InteractiveSlot).hasSize(7 * 96);
        assertThat(jobs).filteredOn(job -> job.name().equals("nightly-etl")).hasSize(7);
        assertThat(jobs).filteredOn(job -> job.name().equals("weekly-report")).hasSize(1);
        assertThat(jobs).extracting(Job::submitted).isSorted();
        // Monday to Friday at the weekday curve's 11,390 requests, the weekend at 2,820
        assertThat(jobs.stream()
                        .filter(job -> job instanceof InteractiveSlot)
                        .mapToLong(job -> ((InteractiveSlot) job).requests())
                        .sum())
                .isEqualTo(5 * 11_390 + 2 * 2_820);
    }

    @Test
    void aJobThatCannotFinishBeforeItsDeadlineIsRefused() {
        Instant now = Instant.parse("2024-08-12T05:00:00Z");

        assertThatThrownBy(() -> new BatchJob("late", now, Duration.ofHours(3), now.plus(Duration.ofHours(2)), REQUEST))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("before its deadline");
        assertThatThrownBy(() -> new InteractiveTraffic(CENTRAL, hours(1), hours(1), REQUEST, Duration.ofMinutes(7)))
                .hasMessageContaining("divisor of an hour");
        assertThatThrownBy(() -> new InteractiveTraffic(CENTRAL, List.of(1, 2), hours(1), REQUEST, Duration.ofHours(1)))
                .hasMessageContaining("24");
    }

    private static List<Integer> hours(int each) {
        return new java.util.ArrayList<>(Collections.nCopies(24, each));
    }
}
