package dev.clod.gateway.energy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Reads price traces in the shared CSV schema {@code timestamp_utc,location,market,usd_per_mwh}.
 *
 * <p>The header line is required. Each row gives the start of an interval as ISO-8601 UTC ending in
 * {@code Z} (an offset such as {@code +01:00} is rejected rather than converted, so a file written in
 * local time cannot slip in unnoticed), a location id, a market ({@code rt} or {@code da}) and the
 * price, kept exactly as written (negative prices included). Rows may come in any order and a file
 * may hold several series; blank lines are skipped and fields are trimmed. Any other deviation fails
 * the whole read with a {@link TraceFormatException} naming the line.
 */
public final class CsvTraceReader {

    /** The header every trace file starts with. */
    public static final String HEADER = "timestamp_utc,location,market,usd_per_mwh";

    /** The per-location traces bundled with the gateway, under {@code dev/clod/gateway/energy/data/}. */
    public static final List<String> SHIPPED_FILES = List.of(
            "caiso-sp15.csv",
            "ercot-north.csv",
            "isone-hub.csv",
            "miso-illinois.csv",
            "nyiso-nyc.csv",
            "spp-south.csv");

    private static final int COLUMNS = 4;
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private CsvTraceReader() {}

    /**
     * Every series in the stream, sorted by key. The stream is read to its end but not closed.
     *
     * @param sourceName the name used in error messages, such as the file name
     * @throws TraceFormatException if the header or any row is bad
     * @throws UncheckedIOException if the stream cannot be read
     */
    public static Map<TraceKey, PriceTrace> read(InputStream in, String sourceName) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(sourceName, "sourceName");
        Map<TraceKey, Map<Instant, Row>> series = new HashMap<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        try {
            String header = reader.readLine();
            if (header == null) {
                throw new TraceFormatException(sourceName, 1, "empty input; expected the header '" + HEADER + "'");
            }
            if (!header.isEmpty() && header.charAt(0) == BYTE_ORDER_MARK) {
                header = header.substring(1);
            }
            if (!header.strip().equals(HEADER)) {
                throw new TraceFormatException(
                        sourceName, 1, "expected the header '" + HEADER + "' but found '" + header + "'");
            }
            int lineNumber = 1;
            String line;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (!line.isBlank()) {
                    addRow(series, line, lineNumber, sourceName);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + sourceName, e);
        }
        Map<TraceKey, PriceTrace> traces = new TreeMap<>();
        series.forEach((key, rows) -> {
            Map<Instant, BigDecimal> prices = new HashMap<>();
            rows.forEach((start, row) -> prices.put(start, row.price()));
            traces.put(key, PriceTrace.of(key, prices));
        });
        return Collections.unmodifiableMap(traces);
    }

    /**
     * The traces that ship with the gateway: every series of every file in {@link #SHIPPED_FILES}.
     * Parses on each call, so keep the result.
     *
     * @throws IllegalStateException if a bundled file is missing or two files hold the same series
     */
    public static Map<TraceKey, PriceTrace> shipped() {
        Map<TraceKey, PriceTrace> all = new TreeMap<>();
        for (String file : SHIPPED_FILES) {
            try (InputStream in = CsvTraceReader.class.getResourceAsStream("data/" + file)) {
                if (in == null) {
                    throw new IllegalStateException("bundled price trace missing from the classpath: " + file);
                }
                read(in, file).forEach((key, trace) -> {
                    if (all.putIfAbsent(key, trace) != null) {
                        throw new IllegalStateException("series " + key + " appears in more than one file");
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read bundled price trace " + file, e);
            }
        }
        return Collections.unmodifiableMap(all);
    }

    private static void addRow(Map<TraceKey, Map<Instant, Row>> series, String line, int lineNumber, String source) {
        String[] fields = line.split(",", -1);
        if (fields.length != COLUMNS) {
            throw new TraceFormatException(
                    source,
                    lineNumber,
                    "expected " + COLUMNS + " columns but found " + fields.length + ": '" + line + "'");
        }
        Instant start = timestamp(fields[0].strip(), lineNumber, source);
        String location = fields[1].strip();
        if (location.isEmpty()) {
            throw new TraceFormatException(source, lineNumber, "empty location");
        }
        String marketCode = fields[2].strip();
        Market market = Market.fromCode(marketCode)
                .orElseThrow(() -> new TraceFormatException(
                        source,
                        lineNumber,
                        "unknown market '" + marketCode + "' (valid: " + Market.validCodes() + ")"));
        BigDecimal price = price(fields[3].strip(), lineNumber, source);
        TraceKey key = new TraceKey(location, market);
        Row earlier = series.computeIfAbsent(key, k -> new HashMap<>()).putIfAbsent(start, new Row(lineNumber, price));
        if (earlier != null) {
            throw new TraceFormatException(
                    source,
                    lineNumber,
                    "duplicate " + key + " at " + start + " (first given on line " + earlier.lineNumber() + ")");
        }
    }

    private static Instant timestamp(String text, int lineNumber, String source) {
        if (!text.endsWith("Z")) {
            throw new TraceFormatException(
                    source,
                    lineNumber,
                    "timestamp '" + text + "' must be UTC ending in Z, such as 2024-07-02T00:15:00Z");
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new TraceFormatException(
                    source, lineNumber, "malformed timestamp '" + text + "'; expected such as 2024-07-02T00:15:00Z");
        }
    }

    private static BigDecimal price(String text, int lineNumber, String source) {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new TraceFormatException(source, lineNumber, "non-numeric price '" + text + "'");
        }
    }

    private record Row(int lineNumber, BigDecimal price) {}
}
