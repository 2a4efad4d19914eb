package dev.clod.server;

import static dev.clod.server.AdminClient.JSON;
import static org.assertj.core.api.Assertions.assertThat;

import dev.clod.gateway.store.TestDatabases;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two server processes on one PostgreSQL database enforce one rate limit and one budget together:
 * nothing is counted per instance.
 */
class TwoInstancesIT {

    private static final String ADMIN_KEY = "sk-clod-two-instances-admin";

    private static ServerProcess first;
    private static ServerProcess second;
    private static AdminClient one;
    private static AdminClient two;

    @BeforeAll
    static void start() throws Exception {
        String database = TestDatabases.postgresUrl();
        Path catalog =
                Path.of(TwoInstancesIT.class.getResource("/test-catalog.yaml").toURI());
        Map<String, String> env =
                Map.of("CLOD_CONFIG", catalog.toString(), "CLOD_DB_URL", database, "CLOD_ADMIN_KEY", ADMIN_KEY);
        first = ServerProcess.start(env);
        second = ServerProcess.start(env);
        one = new AdminClient(first.baseUrl());
        two = new AdminClient(second.baseUrl());
    }

    @AfterAll
    static void stop() throws Exception {
        if (first != null) {
            first.close();
        }
        if (second != null) {
            second.close();
        }
    }

    @Test
    void oneRateLimitHoldsAcrossBothInstances() throws Exception {
        one.createProject(ADMIN_KEY, "{\"name\": \"shared-rpm\"}");

        // A burst inside one minute: if the minute turns during it, the counters restart, so try again
        // with a new key (its own counters, none of them spent) in the new minute; once is enough, as a
        // burst takes well under a minute.
        int admitted = -1;
        for (int attempt = 0; attempt < 2 && admitted < 0; attempt++) {
            String secret = one.createKey(
                            ADMIN_KEY, "{\"name\": \"k" + attempt + "\", \"project\": \"shared-rpm\", \"rpm\": 5}")
                    .get("key")
                    .asText();
            Instant minute = Instant.now().truncatedTo(ChronoUnit.MINUTES);
            int ok = 0;
            int limited = 0;
            for (int i = 0; i < 12; i++) {
                int status = (i % 2 == 0 ? one : two).chat(secret, "test-llama").statusCode();
                ok += status == 200 ? 1 : 0;
                limited += status == 429 ? 1 : 0;
            }
            if (Instant.now().truncatedTo(ChronoUnit.MINUTES).equals(minute) && ok + limited == 12) {
                admitted = ok;
            }
        }

        assertThat(admitted)
                .as("requests admitted by both instances together in one minute")
                .isEqualTo(5);
    }

    @Test
    void oneBudgetHoldsAcrossBothInstances() throws Exception {
        one.createProject(ADMIN_KEY, "{\"name\": \"shared-budget\", \"budget_usd_per_month\": 0.000000001}");
        String secret = one.createKey(ADMIN_KEY, "{\"name\": \"k\", \"project\": \"shared-budget\"}")
                .get("key")
                .asText();

        assertThat(one.chat(secret, "test-llama").statusCode()).isEqualTo(200);
        HttpResponse<String> overBudget = two.chat(secret, "test-llama");

        assertThat(overBudget.statusCode()).isEqualTo(429);
        assertThat(JSON.readTree(overBudget.body()).at("/error/type").asText()).isEqualTo("insufficient_quota");
    }

    @Test
    void bothInstancesWriteOneLedger() throws Exception {
        one.createProject(ADMIN_KEY, "{\"name\": \"shared-ledger\"}");
        String secret = one.createKey(ADMIN_KEY, "{\"name\": \"k\", \"project\": \"shared-ledger\"}")
                .get("key")
                .asText();

        one.chat(secret, "test-llama");
        two.chat(secret, "test-llama");

        assertThat(JSON.readTree(one.get("/usage?group_by=project", secret).body())
                        .at("/data/0/requests")
                        .asInt())
                .isEqualTo(2);
        assertThat(JSON.readTree(two.get("/usage?group_by=project", secret).body())
                        .at("/data/0/requests")
                        .asInt())
                .isEqualTo(2);
    }
}
