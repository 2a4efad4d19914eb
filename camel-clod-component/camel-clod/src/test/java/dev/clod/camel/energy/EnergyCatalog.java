package dev.clod.camel.energy;

import dev.clod.gateway.Gateway;
import dev.clod.gateway.catalog.ListPrice;
import dev.clod.gateway.config.ConfigLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A small gateway priced by a price trace of its own, written to a folder: two sites, {@code north}
 * (PUE 1.25, hourly prices) and {@code south} (PUE 1.2, a price every two hours), {@code llama-3.1-8b}
 * at both, {@code qwen-small} at north only, and {@code listed-model} at a fixed list price.
 *
 * <p>Real-time prices: north 40 $/MWh, except 20 from 06:00 to 08:00 and 45 from 11:00 to 12:00 on
 * 12 August 2024; south 30 throughout. Day-ahead prices for 12 and 13 August: 50 everywhere, except 5
 * at south from 04:00 to 06:00 on the 13th.
 */
final class EnergyCatalog {

    /** A moment in the middle of the trace. */
    static final Instant MONDAY_1030 = Instant.parse("2024-08-12T10:30:00Z");

    private static final Instant FIRST = Instant.parse("2024-08-05T00:00:00Z");
    private static final Instant LAST = Instant.parse("2024-08-14T00:00:00Z");

    private static final String YAML = """
            sites:
              - {id: north, grid_location: north-hub, pue: 1.25}
              - {id: south, grid_location: south-hub, pue: 1.2}
            energy:
              feeds:
                - {kind: csv, path: prices.csv}
            providers:
              - {id: sim-north, kind: simulated, site: north, ttft_ms: 1, tokens_per_second: 5000}
              - {id: sim-south, kind: simulated, site: south, ttft_ms: 1, tokens_per_second: 5000}
            models:
              - id: llama-3.1-8b
                name: Llama 3.1 8B
                category: hosted
                context_window: 8192
                deployments:
                  - {provider: sim-north, upstream_model: llama, energy: {kwh_per_1m_input: 0.02, kwh_per_1m_output: 0.15}, fixed_per_1m: {input: 0.01, output: 0.02}, margin: 0.15}
                  - {provider: sim-south, upstream_model: llama, energy: {kwh_per_1m_input: 0.02, kwh_per_1m_output: 0.15}, fixed_per_1m: {input: 0.01, output: 0.02}, margin: 0.15}
              - id: qwen-small
                category: hosted
                context_window: 8192
                deployments:
                  - {provider: sim-north, upstream_model: qwen, energy: {kwh_per_1m_input: 0.01, kwh_per_1m_output: 0.1}, fixed_per_1m: {input: 0.005, output: 0.01}, margin: 0.1}
              - id: listed-model
                category: hosted
                context_window: 8192
                deployments:
                  - {provider: sim-north, upstream_model: listed, price_per_1m: {input: 0.10, output: 0.20}}
            """;

    private EnergyCatalog() {}

    /** A gateway on the catalog, written into {@code folder}, with its time from {@code clock}. */
    static Gateway gateway(Path folder, Clock clock) {
        try {
            Files.writeString(folder.resolve("prices.csv"), trace());
            Path config = Files.writeString(folder.resolve("clod.yaml"), YAML);
            return Gateway.create(ConfigLoader.load(config, Map.of()), clock);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What a million tokens of llama-3.1-8b cost at a site: {@code (kwh × pue × price / 1000 + fixed) ×
     * 1.15}, worked out here independently of the gateway.
     */
    static ListPrice llamaPrice(String pue, String usdPerMwh) {
        BigDecimal perKwh =
                new BigDecimal(pue).multiply(new BigDecimal(usdPerMwh)).movePointLeft(3);
        BigDecimal factor = new BigDecimal("1.15");
        return new ListPrice(
                new BigDecimal("0.02")
                        .multiply(perKwh)
                        .add(new BigDecimal("0.01"))
                        .multiply(factor),
                new BigDecimal("0.15")
                        .multiply(perKwh)
                        .add(new BigDecimal("0.02"))
                        .multiply(factor));
    }

    /** Whether two prices are equal as numbers, whatever their scale. */
    static boolean samePrice(ListPrice actual, ListPrice expected) {
        return actual.inputPer1m().compareTo(expected.inputPer1m()) == 0
                && actual.outputPer1m().compareTo(expected.outputPer1m()) == 0;
    }

    private static String trace() {
        List<String> rows = new ArrayList<>();
        rows.add("timestamp_utc,location,market,usd_per_mwh");
        for (Instant at = FIRST; at.isBefore(LAST); at = at.plus(Duration.ofHours(1))) {
            rows.add(at + ",north-hub,rt," + northRealTime(at));
            if (at.getEpochSecond() / 3600 % 2 == 0) {
                rows.add(at + ",south-hub,rt,30");
            }
            if (!at.isBefore(Instant.parse("2024-08-12T00:00:00Z"))) {
                rows.add(at + ",north-hub,da,50");
                boolean cheapNight = !at.isBefore(Instant.parse("2024-08-13T04:00:00Z"))
                        && at.isBefore(Instant.parse("2024-08-13T06:00:00Z"));
                rows.add(at + ",south-hub,da," + (cheapNight ? "5" : "50"));
            }
        }
        return String.join("\n", rows) + "\n";
    }

    private static String northRealTime(Instant at) {
        String hour = at.toString();
        if (hour.startsWith("2024-08-12T06") || hour.startsWith("2024-08-12T07")) {
            return "20";
        }
        if (hour.startsWith("2024-08-12T11")) {
            return "45";
        }
        return "40";
    }
}
