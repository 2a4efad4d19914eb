package dev.clod.gateway.energy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ReplayClockTest {

    private static final Instant WALL_START = Instant.parse("2030-01-01T12:00:00Z");
    private static final Instant REPLAY_START = Instant.parse("2024-08-10T00:00:00Z");

    /** A wall clock that only moves when the test moves it. */
    private static final class HandClock extends Clock {
        private Instant now;
        private final ZoneId zone;

        HandClock(Instant now, ZoneId zone) {
            this.now = now;
            this.zone = zone;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return new HandClock(now, other);
        }
    }

    static Stream<Arguments> replays() {
        return Stream.of(
                Arguments.of(60.0, Duration.ofMinutes(1), Duration.ofHours(1)),
                Arguments.of(60.0, Duration.ofMillis(1), Duration.ofMillis(60)),
                Arguments.of(1.0, Duration.ofDays(3), Duration.ofDays(3)),
                Arguments.of(0.5, Duration.ofSeconds(3), Duration.ofMillis(1500)),
                Arguments.of(0.1, Duration.ofSeconds(1), Duration.ofMillis(100)),
                Arguments.of(3600.0, Duration.ofDays(1), Duration.ofDays(3600)),
                Arguments.of(60.0, Duration.ZERO, Duration.ZERO));
    }

    @ParameterizedTest(name = "{0}x for {1} -> {2}")
    @MethodSource("replays")
    void replayedTimeIsWallTimeTimesSpeed(double speed, Duration wallElapsed, Duration replayElapsed) {
        HandClock wall = new HandClock(WALL_START, ZoneOffset.UTC);
        ReplayClock clock = new ReplayClock(REPLAY_START, speed, wall);

        wall.advance(wallElapsed);

        assertThat(clock.instant()).isEqualTo(REPLAY_START.plus(replayElapsed));
        assertThat(clock.millis()).isEqualTo(REPLAY_START.plus(replayElapsed).toEpochMilli());
    }

    @Test
    void onAFixedWallClockTheReplayStandsStill() {
        ReplayClock clock = new ReplayClock(REPLAY_START, 60, Clock.fixed(WALL_START, ZoneOffset.UTC));

        assertThat(clock.instant()).isEqualTo(REPLAY_START);
        assertThat(clock.instant()).isEqualTo(REPLAY_START);
        assertThat(clock.replayStart()).isEqualTo(REPLAY_START);
        assertThat(clock.speed()).isEqualTo(60.0);
    }

    @Test
    void withZoneKeepsTheReplayAndChangesOnlyTheZone() {
        HandClock wall = new HandClock(WALL_START, ZoneOffset.UTC);
        ReplayClock clock = new ReplayClock(REPLAY_START, 60, wall);
        wall.advance(Duration.ofMinutes(2));
        ZoneId chicago = ZoneId.of("America/Chicago");

        Clock zoned = clock.withZone(chicago);

        assertThat(zoned.getZone()).isEqualTo(chicago);
        assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
        assertThat(zoned.instant()).isEqualTo(REPLAY_START.plus(Duration.ofHours(2)));
        assertThat(clock.withZone(ZoneOffset.UTC)).isSameAs(clock);
        assertThat(zoned).isNotEqualTo(clock);
    }

    @Test
    void rejectsASpeedThatIsNotPositiveAndFinite() {
        Clock wall = Clock.fixed(WALL_START, ZoneOffset.UTC);
        for (double speed : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> new ReplayClock(REPLAY_START, speed, wall))
                    .as("speed %s", speed)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("speed");
        }
    }
}
