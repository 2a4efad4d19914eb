package dev.clod.camel.energy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clod.gateway.energy.ReplayClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The timer the policy uses outside tests, on a replay clock: tasks run at their energy instant, never before. */
class WallTimerTest {

    final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void runsEachTaskOnceTheReplayedClockHasReachedItsInstant() throws Exception {
        // A day of replay per wall second.
        ReplayClock replay = new ReplayClock(Instant.parse("2024-08-12T12:00:00Z"), 86_400, Clock.systemUTC());
        WallTimer timer = new WallTimer(replay, replay::speed, executor, Duration.ofMillis(200));
        BlockingQueue<Instant> ranAt = new LinkedBlockingQueue<>();
        Instant inAnHour = Instant.parse("2024-08-12T13:00:00Z");
        Instant inTwoHours = Instant.parse("2024-08-12T14:00:00Z");

        timer.at(inTwoHours, () -> ranAt.add(replay.instant()));
        timer.at(inAnHour, () -> ranAt.add(replay.instant()));

        Instant first = ranAt.poll(10, TimeUnit.SECONDS);
        Instant second = ranAt.poll(10, TimeUnit.SECONDS);
        assertThat(first).isAfterOrEqualTo(inAnHour);
        assertThat(second).isAfterOrEqualTo(inTwoHours).isAfterOrEqualTo(first);
    }

    @Test
    void aCancelledTaskNeverRuns() throws Exception {
        ReplayClock clock = new ReplayClock(Instant.parse("2024-08-12T12:00:00Z"), 1, Clock.systemUTC());
        WallTimer timer = new WallTimer(clock, clock::speed, executor, Duration.ofSeconds(1));
        List<String> ran = new CopyOnWriteArrayList<>();
        BlockingQueue<String> later = new LinkedBlockingQueue<>();

        EnergyTimer.Scheduled cancelled = timer.at(clock.instant().plusMillis(20), () -> ran.add("cancelled"));
        cancelled.cancel();
        // The executor runs tasks in the order they fall due: the cancelled one would have come first.
        timer.at(clock.instant().plusMillis(200), () -> later.add("after"));

        assertThat(later.poll(10, TimeUnit.SECONDS)).isEqualTo("after");
        assertThat(ran).isEmpty();
    }
}
