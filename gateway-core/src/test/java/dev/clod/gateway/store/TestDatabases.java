package dev.clod.gateway.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Databases for tests: a fresh in-memory H2, or a fresh schema on PostgreSQL.
 *
 * <p>PostgreSQL comes from {@code CLOD_TEST_PG_URL} (e.g. {@code
 * jdbc:postgresql://127.0.0.1:5432/test?user=postgres}); without it from Testcontainers when Docker
 * runs; without either the test is skipped with a message — except in CI ({@code CI=true}), where an
 * unreachable PostgreSQL fails the test.
 */
public final class TestDatabases {

    public static final String PG_URL_VARIABLE = "CLOD_TEST_PG_URL";

    private static PostgreSQLContainer container;

    private TestDatabases() {}

    /** A private in-memory H2 database that lives as long as the test JVM. */
    public static String h2Url() {
        return "jdbc:h2:mem:clod-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    }

    /** The URL of a new, empty schema on the test PostgreSQL server. */
    public static String postgresUrl() {
        String base = postgresServerUrl();
        String schema =
                "clod_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection connection = DriverManager.getConnection(base);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        } catch (SQLException unreachable) {
            return unavailable("PostgreSQL at " + redacted(base) + " is unreachable: " + unreachable.getMessage());
        }
        return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    private static synchronized String postgresServerUrl() {
        String configured = System.getenv(PG_URL_VARIABLE);
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        if (container == null) {
            if (!dockerAvailable()) {
                return unavailable(PG_URL_VARIABLE + " is not set and Docker is not available for Testcontainers");
            }
            container = new PostgreSQLContainer("postgres:16-alpine");
            container.start();
        }
        return container.getJdbcUrl() + "&user=" + container.getUsername() + "&password=" + container.getPassword();
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError noDocker) {
            return false;
        }
    }

    private static String unavailable(String why) {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException("PostgreSQL is required in CI: " + why);
        }
        Assumptions.abort("Skipped: no PostgreSQL for this test (" + why + ")");
        return null;
    }

    private static String redacted(String url) {
        return url.replaceAll("password=[^&]*", "password=***");
    }
}
