package dev.clod.gateway.energy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CsvTraceReaderTest {

    private static final String HEADER = "timestamp_utc,location,market,usd_per_mwh\n";
    private static final TraceKey ERCOT_RT = new TraceKey("ercot-north", Market.REAL_TIME);
    private static final TraceKey ERCOT_DA = new TraceKey("ercot-north", Market.DAY_AHEAD);

    private static Map<TraceKey, PriceTrace> read(String csv) {
        return CsvTraceReader.read(stream(csv), "test.csv");
    }

    private static InputStream stream(String csv) {
        return new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsRowsExactlyAsWrittenAndSplitsSeriesByLocationAndMarket() {
        Map<TraceKey, PriceTrace> traces = read(HEADER
                + "2024-07-02T00:00:00Z,ercot-north,rt,32.65\n"
                + "2024-07-02T00:15:00Z,ercot-north,rt,96.970\n"
                + "2024-07-02T00:30:00Z,ercot-north,rt,-16.04\n"
                + "2024-07-02T00:00:00Z,ercot-north,da,19.6\n"
                + "2024-07-02T00:00:00Z,caiso-sp15,rt,20.26978\n");

        assertThat(traces.keySet()).containsExactly(new TraceKey("caiso-sp15", Market.REAL_TIME), ERCOT_RT, ERCOT_DA);
        PriceTrace rt = traces.get(ERCOT_RT);
        assertThat(rt.prices())
                .extracting(EnergyPrice::usdPerMwh)
                .containsExactly(new BigDecimal("32.65"), new BigDecimal("96.970"), new BigDecimal("-16.04"));
        assertThat(rt.prices().get(1))
                .isEqualTo(new EnergyPrice(
                        "ercot-north",
                        Market.REAL_TIME,
                        Instant.parse("2024-07-02T00:15:00Z"),
                        Instant.parse("2024-07-02T00:30:00Z"),
                        new BigDecimal("96.970")));
        assertThat(traces.get(ERCOT_DA).prices()).hasSize(1);
    }

    @Test
    void rowOrderDoesNotMatter() {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            rows.add(Instant.parse("2024-07-02T00:00:00Z").plus(Duration.ofMinutes(15L * i)) + ",ercot-north,rt," + i
                    + "." + i);
            rows.add(Instant.parse("2024-07-02T00:00:00Z").plus(Duration.ofHours(i)) + ",ercot-north,da,-" + i);
        }
        Map<TraceKey, PriceTrace> sorted = read(HEADER + String.join("\n", rows));
        Collections.shuffle(rows, new Random(7));
        Map<TraceKey, PriceTrace> shuffled = read(HEADER + String.join("\n", rows));

        assertThat(shuffled.get(ERCOT_RT).prices())
                .isEqualTo(sorted.get(ERCOT_RT).prices());
        assertThat(shuffled.get(ERCOT_DA).prices())
                .isEqualTo(sorted.get(ERCOT_DA).prices());
        assertThat(shuffled.get(ERCOT_RT).resolution()).isEqualTo(Duration.ofMinutes(15));
        assertThat(shuffled.get(ERCOT_DA).resolution()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void keepsGapsAsGaps() {
        PriceTrace trace = read(HEADER
                        + "2024-07-18T20:00:00Z,ercot-north,rt,1\n"
                        + "2024-07-18T20:30:00Z,ercot-north,rt,3\n"
                        + "2024-07-18T20:45:00Z,ercot-north,rt,4\n")
                .get(ERCOT_RT);

        assertThat(trace.size()).isEqualTo(3);
        assertThat(trace.at(Instant.parse("2024-07-18T20:20:00Z"))).isEmpty();
        assertThat(trace.prices().get(0).end()).isEqualTo(Instant.parse("2024-07-18T20:15:00Z"));
    }

    @Test
    void toleratesByteOrderMarkCrlfBlankLinesAndSpacesAroundFields() {
        Map<TraceKey, PriceTrace> traces = read("\uFEFF" + HEADER.replace("\n", "\r\n")
                + "2024-07-02T00:00:00Z, ercot-north ,rt, 32.65\r\n"
                + "\r\n"
                + "2024-07-02T00:15:00.000Z,ercot-north,rt,96.97\r\n");

        assertThat(traces.get(ERCOT_RT).prices())
                .extracting(EnergyPrice::usdPerMwh)
                .containsExactly(new BigDecimal("32.65"), new BigDecimal("96.97"));
    }

    @Test
    void aHeaderWithoutRowsGivesNoTraces() {
        assertThat(read(HEADER)).isEmpty();
    }

    static Stream<Arguments> badInputs() {
        String good = "2024-07-02T00:00:00Z,ercot-north,rt,32.65\n";
        return Stream.of(
                Arguments.of("", 1, "empty input"),
                Arguments.of("time,loc,market,price\n" + good, 1, "expected the header"),
                Arguments.of(good, 1, "expected the header"),
                Arguments.of(HEADER + good + "2024-07-02 00:15:00Z,ercot-north,rt,1\n", 3, "malformed timestamp"),
                Arguments.of(HEADER + "2024-13-02T00:00:00Z,ercot-north,rt,1\n", 2, "malformed timestamp"),
                Arguments.of(HEADER + "yesterday Z,ercot-north,rt,1\n", 2, "malformed timestamp"),
                Arguments.of(HEADER + "2024-07-02T02:00:00+02:00,ercot-north,rt,1\n", 2, "must be UTC ending in Z"),
                Arguments.of(HEADER + "2024-07-02T00:00:00,ercot-north,rt,1\n", 2, "must be UTC ending in Z"),
                Arguments.of(HEADER + good + "\n2024-07-02T00:15:00Z,ercot-north,RT,1\n", 4, "unknown market 'RT'"),
                Arguments.of(HEADER + "2024-07-02T00:00:00Z,ercot-north,rtm,1\n", 2, "(valid: rt, da)"),
                Arguments.of(HEADER + "2024-07-02T00:00:00Z,ercot-north,rt,abc\n", 2, "non-numeric price 'abc'"),
                Arguments.of(HEADER + "2024-07-02T00:00:00Z,ercot-north,rt,\n", 2, "non-numeric price ''"),
                Arguments.of(HEADER + "2024-07-02T00:00:00Z,ercot-north,rt,NaN\n", 2, "non-numeric price 'NaN'"),
                Arguments.of(
                        HEADER + "2024-07-02T00:00:00Z,ercot-north,rt,1,234\n", 2, "expected 4 columns but found 5"),
                Arguments.of(HEADER + "2024-07-02T00:00:00Z,ercot-north,rt\n", 2, "expected 4 columns but found 3"),
                Arguments.of(HEADER + "2024-07-02T00:00:00Z;ercot-north;rt;1\n", 2, "expected 4 columns but found 1"),
                Arguments.of(HEADER + "2024-07-02T00:00:00Z,,rt,1\n", 2, "empty location"),
                Arguments.of(
                        HEADER + good + "2024-07-02T00:15:00Z,ercot-north,rt,1\n" + good,
                        4,
                        "duplicate ercot-north/rt at 2024-07-02T00:00:00Z (first given on line 2)"));
    }

    @ParameterizedTest
    @MethodSource("badInputs")
    void badInputNamesTheLineAndTheProblem(String csv, int line, String problem) {
        TraceFormatException e = catchThrowableOfType(() -> read(csv), TraceFormatException.class);

        assertThat(e).as("no exception for %s", csv).isNotNull();
        assertThat(e.lineNumber()).isEqualTo(line);
        assertThat(e.problem()).contains(problem);
        assertThat(e.source()).isEqualTo("test.csv");
        assertThat(e).hasMessageStartingWith("test.csv line " + line + ": ");
    }

    @Test
    void theSameTimestampInAnotherMarketOrLocationIsNotADuplicate() {
        Map<TraceKey, PriceTrace> traces = read(HEADER
                + "2024-07-02T00:00:00Z,ercot-north,rt,1\n"
                + "2024-07-02T00:00:00Z,ercot-north,da,2\n"
                + "2024-07-02T00:00:00Z,caiso-sp15,rt,3\n");

        assertThat(traces).hasSize(3);
    }
}
