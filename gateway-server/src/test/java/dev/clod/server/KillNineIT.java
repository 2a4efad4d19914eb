package dev.clod.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clod.gateway.store.TestDatabases;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The ledger's promise under the worst stop there is: a server under load is killed with SIGKILL, and
 * every answer a client received in full — a whole JSON body, or a stream up to its {@code [DONE]} —
 * is in the ledger. Runs against PostgreSQL, in a separate process.
 */
class KillNineIT {

    private static final String ADMIN_KEY = "sk-clod-kill-nine-admin";
    private static final int CLIENTS = 8;
    private static final int ANSWERS_BEFORE_KILL = 150;
    private static final int MAX_REQUESTS_PER_CLIENT = 2_000;

    @Test
    void everyAnswerAClientReceivedInFullIsInTheLedger() throws Exception {
        String database = TestDatabases.postgresUrl();
        Path catalog =
                Path.of(KillNineIT.class.getResource("/test-catalog.yaml").toURI());
        Set<String> received = ConcurrentHashMap.newKeySet();
        CountDownLatch enough = new CountDownLatch(ANSWERS_BEFORE_KILL);
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> clients = new ArrayList<>();

        try (ServerProcess server = ServerProcess.start(
                Map.of("CLOD_CONFIG", catalog.toString(), "CLOD_DB_URL", database, "CLOD_ADMIN_KEY", ADMIN_KEY))) {
            for (int c = 0; c < CLIENTS; c++) {
                boolean streaming = c % 2 == 1;
                Thread client =
                        new Thread(() -> load(server.baseUrl(), streaming, received, enough, stop), "client-" + c);
                client.start();
                clients.add(client);
            }
            assertThat(enough.await(60, TimeUnit.SECONDS))
                    .as("the server answered under load")
                    .isTrue();
            server.kill();
        } finally {
            stop.set(true);
            for (Thread client : clients) {
                client.join(TimeUnit.SECONDS.toMillis(30));
            }
        }

        Set<String> recorded = recordedRequestIds(database);
        assertThat(received).hasSizeGreaterThanOrEqualTo(ANSWERS_BEFORE_KILL);
        assertThat(recorded).containsAll(received);
    }

    /** Sends requests until told to stop or the server is gone; notes each answer received in full. */
    private static void load(
            String baseUrl, boolean streaming, Set<String> received, CountDownLatch enough, AtomicBoolean stop) {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        String body = "{\"model\": \"test-llama@latency\", \"stream\": " + streaming
                + ", \"messages\": [{\"role\": \"user\", \"content\": \"Count this\"}]}";
        for (int i = 0; i < MAX_REQUESTS_PER_CLIENT && !stop.get(); i++) {
            try {
                HttpResponse<String> response = http.send(
                        HttpRequest.newBuilder(URI.create(baseUrl + "/chat/completions"))
                                .header("authorization", "Bearer " + ADMIN_KEY)
                                .header("content-type", "application/json")
                                .timeout(Duration.ofSeconds(20))
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                boolean complete = response.statusCode() == 200
                        && (streaming
                                ? response.body().endsWith("data: [DONE]\n\n")
                                : response.body().contains("\"finish_reason\""));
                if (complete) {
                    received.add(response.headers().firstValue("x-request-id").orElseThrow());
                    enough.countDown();
                }
            } catch (Exception gone) {
                return;
            }
        }
    }

    private static Set<String> recordedRequestIds(String database) throws Exception {
        Set<String> ids = new HashSet<>();
        try (Connection connection = DriverManager.getConnection(database);
                ResultSet rows = connection.createStatement().executeQuery("SELECT request_id FROM usage_records")) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        return ids;
    }
}
