package dev.clod.server;

import dev.clod.gateway.config.ConfigLoader;
import dev.clod.gateway.config.GatewayConfig;
import dev.clod.gateway.config.ServerSettings;
import dev.clod.gateway.store.TestDatabases;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;

/**
 * What {@code usage.durability: sync} adds to a request: the same server, ledger on PostgreSQL, once
 * with sync and once with async durability, answered by a simulated deployment that takes no time.
 * Requests go one at a time, so each sync request waits for its own commit. Not a test: run it by hand
 * with {@code CLOD_TEST_PG_URL} set, and read the printed percentiles.
 */
public final class SyncDurabilityLatency {

    private static final int WARM_UP = 2_000;
    private static final int MEASURED = 5_000;
    private static final String CATALOG = """
            providers: [{id: instant, kind: simulated, ttft_ms: 0, tokens_per_second: 100000000}]
            models: [{id: m, category: hosted, context_window: 8192, deployments: [{provider: instant, price_per_1m: {input: 1, output: 1}}]}]
            usage: {durability: %s}
            """;

    private SyncDurabilityLatency() {}

    public static void main(String[] args) throws Exception {
        for (String durability : new String[] {"async", "sync", "async", "sync"}) {
            long[] micros = run(durability);
            Arrays.sort(micros);
            System.out.printf(
                    "%-5s  p50 %5d us  p90 %5d us  p99 %5d us%n",
                    durability,
                    micros[micros.length / 2],
                    micros[micros.length * 9 / 10],
                    micros[micros.length * 99 / 100]);
        }
    }

    private static long[] run(String durability) throws Exception {
        GatewayConfig loaded = ConfigLoader.parse(CATALOG.formatted(durability), "latency.yaml", Map.of());
        GatewayConfig config = loaded.withServer(new ServerSettings("127.0.0.1", 0, 1 << 20))
                .withAdminKey("sk-clod-latency")
                .withStore(loaded.store().withDatabaseUrl(TestDatabases.postgresUrl()));
        ApiKeys keys = new ApiKeys();
        keys.add("sk-clod-latency", new ApiKeys.Caller("admin", true, null));
        try (ClodServer server = ClodServer.start(config, keys, Clock.systemUTC())) {
            HttpClient http =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpRequest request = HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + server.port() + "/v1/chat/completions"))
                    .header("authorization", "Bearer sk-clod-latency")
                    .header("content-type", "application/json")
                    .POST(
                            HttpRequest.BodyPublishers.ofString(
                                    "{\"model\": \"m\", \"max_tokens\": 4, \"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]}"))
                    .build();
            long[] micros = new long[MEASURED];
            for (int i = 0; i < WARM_UP + MEASURED; i++) {
                long start = System.nanoTime();
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                long elapsed = (System.nanoTime() - start) / 1_000;
                if (response.statusCode() != 200) {
                    throw new IllegalStateException(response.body());
                }
                if (i >= WARM_UP) {
                    micros[i - WARM_UP] = elapsed;
                }
            }
            return micros;
        }
    }
}
