package dev.clod.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clod.gateway.account.ApiKey;
import dev.clod.gateway.account.BothDatabases;
import dev.clod.gateway.account.KeyOwner;
import dev.clod.gateway.account.Project;
import dev.clod.gateway.api.QuotaExceededException;
import dev.clod.gateway.api.RateLimitException;
import dev.clod.gateway.store.Database;
import dev.clod.gateway.testing.MutableClock;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class JdbcLimitsTest {

    /** 15.25 s into a minute: Retry-After is the 44.75 s left, rounded up. */
    private static final Instant NOW = Instant.parse("2024-08-10T12:00:15.250Z");

    private final MutableClock clock = new MutableClock(NOW);
    private Database database;

    @AfterEach
    void close() {
        if (database != null) {
            database.close();
        }
    }

    private JdbcLimits limits(String kind) {
        database = Database.open(BothDatabases.url(kind), 2);
        return new JdbcLimits(database, clock);
    }

    private static KeyOwner owner(Integer rpm, Integer tpm, Project project) {
        ApiKey key = new ApiKey(
                "key_test", "ci", project == null ? null : project.id(), "sk-clod-abcd", rpm, tpm, NOW, null);
        return new KeyOwner(key, project);
    }

    @ParameterizedTest
    @MethodSource("dev.clod.gateway.account.BothDatabases#kinds")
    void admitsRpmRequestsAMinuteAndDoesNotCountRefusals(String kind) throws Exception {
        JdbcLimits limits = limits(kind);
        KeyOwner owner = owner(3, null, null);
        for (int i = 0; i < 3; i++) {
            limits.admit(owner);
        }

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> limits.admit(owner)).isInstanceOfSatisfying(RateLimitException.class, error -> {
                assertThat(error.status()).isEqualTo(429);
                assertThat(error.type()).isEqualTo("requests");
                assertThat(error.code()).isEqualTo("rate_limit_exceeded");
                assertThat(error.limit()).isEqualTo(RateLimitException.Limit.REQUESTS);
                assertThat(error.retryAfterSeconds()).isEqualTo(45);
                assertThat(error.getMessage()).contains("Limit 3", "Used 3", "ci");
            });
        }
        assertThat(counters(Instant.parse("2024-08-10T12:00:00Z"))).containsExactly(3L, 0L);

        clock.advance(Duration.ofSeconds(45));
        limits.admit(owner);
        assertThat(counters(Instant.parse("2024-08-10T12:01:00Z"))).containsExactly(1L, 0L);
    }

    @ParameterizedTest
    @MethodSource("dev.clod.gateway.account.BothDatabases#kinds")
    void refusesOnceTheMinutesTokensReachTpm(String kind) {
        JdbcLimits limits = limits(kind);
        KeyOwner owner = owner(null, 100, null);
        limits.admit(owner);
        limits.recordTokens("key_test", 60);
        limits.admit(owner);
        limits.recordTokens("key_test", 40);

        assertThatThrownBy(() -> limits.admit(owner)).isInstanceOfSatisfying(RateLimitException.class, error -> {
            assertThat(error.type()).isEqualTo("tokens");
            assertThat(error.code()).isEqualTo("rate_limit_exceeded");
            assertThat(error.retryAfterSeconds()).isEqualTo(45);
            assertThat(error.getMessage()).contains("Limit 100", "Used 100");
        });

        clock.advance(Duration.ofMinutes(1));
        assertThatCode(() -> limits.admit(owner)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @MethodSource("dev.clod.gateway.account.BothDatabases#kinds")
    void aTokenRefusalDoesNotCountTheRequest(String kind) throws Exception {
        JdbcLimits limits = limits(kind);
        KeyOwner owner = owner(10, 50, null);
        limits.admit(owner);
        limits.recordTokens("key_test", 50);

        assertThatThrownBy(() -> limits.admit(owner)).isInstanceOf(RateLimitException.class);
        assertThat(counters(Instant.parse("2024-08-10T12:00:00Z"))).containsExactly(1L, 50L);
    }

    @ParameterizedTest
    @MethodSource("dev.clod.gateway.account.BothDatabases#kinds")
    void keysWithoutLimitsLeaveNoCounters(String kind) throws Exception {
        JdbcLimits limits = limits(kind);
        for (int i = 0; i < 5; i++) {
            limits.admit(owner(null, null, null));
        }
        assertThat(countRows("SELECT COUNT(*) FROM rate_windows")).isZero();
    }

    @ParameterizedTest
    @MethodSource("dev.clod.gateway.account.BothDatabases#kinds")
    void refusesAProjectThatSpentItsBudgetThisMonth(String kind) throws Exception {
        JdbcLimits limits = limits(kind);
        Project project = new Project("proj_a", "team a", null, new BigDecimal("10.00"), NOW);
        KeyOwner owner = owner(100, null, project);
        setSpend("proj_a", "2024-07", "500");
        setSpend("proj_a", "2024-08", "9.99");
        limits.admit(owner);

        setSpend("proj_a", "2024-08", "10.000001");
        assertThatThrownBy(() -> limits.admit(owner)).isInstanceOfSatisfying(QuotaExceededException.class, error -> {
            assertThat(error.status()).isEqualTo(429);
            assertThat(error.type()).isEqualTo("insufficient_quota");
            assertThat(error.code()).isEqualTo("insufficient_quota");
            assertThat(error.getMessage()).contains("team a", "$10.000001", "$10", "2024-08");
        });
        assertThat(counters(Instant.parse("2024-08-10T12:00:00Z")))
                .as("a refused request is not counted")
                .containsExactly(1L, 0L);

        Project unlimited = new Project("proj_a", "team a", null, null, NOW);
        assertThatCode(() -> limits.admit(owner(100, null, unlimited))).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @MethodSource("dev.clod.gateway.account.BothDatabases#kinds")
    void aZeroBudgetAllowsNothing(String kind) {
        JdbcLimits limits = limits(kind);
        Project project = new Project("proj_z", "frozen", null, BigDecimal.ZERO, NOW);

        assertThatThrownBy(() -> limits.admit(owner(null, null, project)))
                .isInstanceOf(QuotaExceededException.class)
                .hasMessageContaining("$0 ");
    }

    @ParameterizedTest
    @MethodSource("dev.clod.gateway.account.BothDatabases#kinds")
    void purgesOldWindows(String kind) throws Exception {
        JdbcLimits limits = limits(kind);
        KeyOwner owner = owner(5, null, null);
        limits.admit(owner);
        clock.advance(Duration.ofMinutes(1));
        limits.admit(owner);
        limits.recordTokens("key_test", 7);

        limits.purgeBefore(Instant.parse("2024-08-10T12:01:00Z"));

        assertThat(countRows("SELECT COUNT(*) FROM rate_windows")).isEqualTo(1);
        assertThat(counters(Instant.parse("2024-08-10T12:01:00Z"))).containsExactly(1L, 7L);
    }

    private List<Long> counters(Instant window) throws Exception {
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT requests, tokens FROM rate_windows WHERE key_id = 'key_test' AND window_start = ?")) {
            select.setObject(1, window.atOffset(java.time.ZoneOffset.UTC));
            try (ResultSet rows = select.executeQuery()) {
                List<Long> values = new ArrayList<>();
                while (rows.next()) {
                    values.add(rows.getLong(1));
                    values.add(rows.getLong(2));
                }
                return values;
            }
        }
    }

    private long countRows(String sql) throws Exception {
        try (Connection connection = database.dataSource().getConnection();
                ResultSet rows = connection.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private void setSpend(String projectId, String month, String usd) throws Exception {
        try (Connection connection = database.dataSource().getConnection()) {
            try (PreparedStatement delete =
                    connection.prepareStatement("DELETE FROM project_spend WHERE project_id = ? AND spend_month = ?")) {
                delete.setString(1, projectId);
                delete.setString(2, month);
                delete.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO project_spend (project_id, spend_month, user_price_usd) VALUES (?, ?, ?)")) {
                insert.setString(1, projectId);
                insert.setString(2, month);
                insert.setBigDecimal(3, new BigDecimal(usd));
                insert.executeUpdate();
            }
        }
    }
}
