package dev.clod.gateway.energy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PriceTraceTest {

    private static final TraceKey KEY = new TraceKey("ercot-north", Market.REAL_TIME);

    /** 15-minute prices from 00:00 to 01:30 with 00:45 missing: 00:00=0, 00:15=15, 00:30=30, 01:00=60 ... */
    private static final PriceTrace TRACE = trace("00:00", "00:15", "00:30", "01:00", "01:15", "01:30");

    /** A trace on 2024-07-02 whose price at each start is its minute of the day. */
    private static PriceTrace trace(String... times) {
        Map<Instant, BigDecimal> prices = new HashMap<>();
        for (String time : times) {
            Instant start = at(time);
            prices.put(
                    start,
                    BigDecimal.valueOf(Duration.between(at("00:00"), start).toMinutes()));
        }
        return PriceTrace.of(KEY, prices);
    }

    private static Instant at(String time) {
        return Instant.parse("2024-07-02T" + time + ":00Z");
    }

    static Stream<Arguments> lookups() {
        return Stream.of(
                Arguments.of("00:00", 0),
                Arguments.of("00:07", 0),
                Arguments.of("00:14:59.999999999", 0),
                Arguments.of("00:15", 15),
                Arguments.of("00:44:59", 30),
                Arguments.of("00:45", null), // the missing interval
                Arguments.of("00:59:59", null),
                Arguments.of("01:00", 60),
                Arguments.of("01:44:59", 90),
                Arguments.of("01:45", null), // the end of the last interval
                Arguments.of("12:00", null),
                Arguments.of("-1", null)); // just before the first
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("lookups")
    void atFindsTheIntervalContainingTheInstant(String time, Integer expected) {
        Instant instant = time.equals("-1")
                ? at("00:00").minusNanos(1)
                : Instant.parse("2024-07-02T" + time + (time.length() == 5 ? ":00Z" : "Z"));

        var found = TRACE.at(instant);

        if (expected == null) {
            assertThat(found).isEmpty();
        } else {
            assertThat(found).get().satisfies(p -> {
                assertThat(p.usdPerMwh()).isEqualTo(BigDecimal.valueOf(expected));
                assertThat(p.contains(instant)).isTrue();
            });
        }
    }

    static Stream<Arguments> resolutions() {
        return Stream.of(
                Arguments.of(new String[] {"00:00", "00:05", "00:10", "00:20", "00:25"}, Duration.ofMinutes(5)),
                Arguments.of(new String[] {"00:00", "00:15", "00:30", "00:45", "02:00"}, Duration.ofMinutes(15)),
                Arguments.of(new String[] {"00:00", "01:00", "02:00", "05:00", "06:00"}, Duration.ofHours(1)),
                Arguments.of(new String[] {"00:00", "01:00", "03:00", "03:05"}, Duration.ofMinutes(5)), // tie
                Arguments.of(new String[] {"07:00"}, PriceTrace.DEFAULT_RESOLUTION));
    }

    @ParameterizedTest
    @MethodSource("resolutions")
    void infersTheMostCommonStep(String[] times, Duration expected) {
        PriceTrace trace = trace(times);

        assertThat(trace.resolution()).isEqualTo(expected);
        assertThat(trace.end()).isEqualTo(at(times[times.length - 1]).plus(expected));
    }

    @Test
    void anEarlyNextRowCutsAnIntervalShortSoNoneOverlap() {
        PriceTrace trace = trace("00:00", "01:00", "02:00", "02:10", "03:00");

        assertThat(trace.resolution()).isEqualTo(Duration.ofHours(1));
        assertThat(trace.prices())
                .extracting(EnergyPrice::end)
                .containsExactly(at("01:00"), at("02:00"), at("02:10"), at("03:00"), at("04:00"));
        assertThat(trace.at(at("02:30")).orElseThrow().usdPerMwh()).isEqualTo(BigDecimal.valueOf(130));
    }

    @Test
    void aGivenResolutionOverridesInference() {
        PriceTrace trace = PriceTrace.of(KEY, Map.of(at("00:00"), BigDecimal.ONE), Duration.ofMinutes(5));

        assertThat(trace.at(at("00:04"))).isPresent();
        assertThat(trace.at(at("00:05"))).isEmpty();
    }

    static Stream<Arguments> ranges() {
        return Stream.of(
                Arguments.of("00:00", "01:45", List.of(0, 15, 30, 60, 75, 90)),
                Arguments.of("00:10", "00:20", List.of(0, 15)), // partly covered intervals count
                Arguments.of("00:15", "00:30", List.of(15)), // the end is exclusive
                Arguments.of("00:45", "01:00", List.of()), // inside the gap
                Arguments.of("00:50", "01:01", List.of(60)),
                Arguments.of("00:20", "00:20", List.of()),
                Arguments.of("01:45", "03:00", List.of()));
    }

    @ParameterizedTest(name = "[{0}, {1})")
    @MethodSource("ranges")
    void betweenReturnsTheIntervalsOverlappingTheRange(String from, String to, List<Integer> expected) {
        assertThat(TRACE.between(at(from), at(to)))
                .extracting(p -> p.usdPerMwh().intValueExact())
                .containsExactlyElementsOf(expected);
    }

    @Test
    void betweenRejectsABackwardRange() {
        assertThatThrownBy(() -> TRACE.between(at("01:00"), at("00:00")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("before");
    }

    @Test
    void aTraceNeedsAtLeastOnePriceAndIsImmutable() {
        assertThatThrownBy(() -> PriceTrace.of(KEY, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ercot-north/rt");
        assertThatThrownBy(() -> TRACE.prices().clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}
