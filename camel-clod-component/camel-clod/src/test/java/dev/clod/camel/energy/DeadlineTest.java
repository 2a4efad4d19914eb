package dev.clod.camel.energy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DeadlineTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    static Stream<Arguments> dailyDeadlines() {
        return Stream.of(
                // before today's 08:00 in Paris (06:00 UTC in summer)
                Arguments.of("2024-08-12T05:00:00Z", "2024-08-12T06:00:00Z"),
                // exactly at it: the next one
                Arguments.of("2024-08-12T06:00:00Z", "2024-08-13T06:00:00Z"),
                Arguments.of("2024-08-12T12:00:00Z", "2024-08-13T06:00:00Z"),
                // winter time: 08:00 in Paris is 07:00 UTC
                Arguments.of("2024-10-27T06:30:00Z", "2024-10-27T07:00:00Z"));
    }

    @ParameterizedTest
    @MethodSource("dailyDeadlines")
    void aDailyDeadlineIsTheNextLocalTimeStrictlyAfter(String now, String expected) {
        Deadline eightInParis = Deadline.daily(LocalTime.of(8, 0), PARIS);

        assertThat(eightInParis.firstAfter(Instant.parse(now))).contains(Instant.parse(expected));
    }

    @Test
    void aTimeInTheSpringGapMovesForwardAsAWallClockDoes() {
        // 02:30 does not exist in Paris on 31 March 2024: clocks jump from 02:00 to 03:00 (01:00 UTC).
        Deadline halfPastTwo = Deadline.daily(LocalTime.of(2, 30), PARIS);

        assertThat(halfPastTwo.firstAfter(Instant.parse("2024-03-30T23:00:00Z")))
                .contains(Instant.parse("2024-03-31T01:30:00Z"));
    }

    @Test
    void aFixedDeadlineHasNoneAfterItself() {
        Deadline once = Deadline.at(Instant.parse("2024-08-13T08:00:00Z"));

        assertThat(once.firstAfter(Instant.parse("2024-08-13T07:59:59Z")))
                .contains(Instant.parse("2024-08-13T08:00:00Z"));
        assertThat(once.firstAfter(Instant.parse("2024-08-13T08:00:00Z"))).isEmpty();
    }

    @Test
    void parsesWhatItWrites() {
        Deadline daily = Deadline.daily(LocalTime.of(8, 0), PARIS);
        Deadline once = Deadline.at(Instant.parse("2024-08-13T08:00:00Z"));

        assertThat(Deadline.parse(daily.text(), ZoneOffset.UTC)).isEqualTo(daily);
        assertThat(Deadline.parse(once.text(), ZoneOffset.UTC)).isEqualTo(once);
        assertThat(Deadline.parse("08:00", PARIS)).isEqualTo(daily);
    }
}
