package dev.clod.gateway.limits;

import dev.clod.gateway.account.ApiKey;
import dev.clod.gateway.account.KeyOwner;
import dev.clod.gateway.account.Project;
import dev.clod.gateway.api.QuotaExceededException;
import dev.clod.gateway.api.RateLimitException;
import dev.clod.gateway.store.Database;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Set;

/**
 * Per-minute request and token limits of keys and monthly budgets of projects, kept in the gateway's
 * database so that every instance on it enforces the same totals. Thread-safe.
 *
 * <p>Minutes are fixed UTC windows on the injected clock. A request rejected for any reason is not
 * counted, so a client that retries too early does not push its own window further away. Tokens are
 * counted when a request finishes ({@link #recordTokens}), so requests already under way may take a
 * key past its {@code tpm}; the next request in that minute is then refused. Likewise a budget is
 * checked against what is already recorded, so requests under way may overshoot it.
 */
public final class JdbcLimits {

    private static final int ATTEMPTS = 5;
    /** Unique violation (two first inserts of one window), deadlock or serialization, lock timeout. */
    private static final Set<String> RETRYABLE = Set.of("23505", "40001", "40P01", "HYT00");

    private final Database database;
    private final Clock clock;
    private final String increment;

    public JdbcLimits(Database database, Clock clock) {
        this.database = Objects.requireNonNull(database, "database");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.increment = RateWindowSql.increment(database.kind());
    }

    /**
     * Admits one request of {@code owner}, counting it against its key's {@code rpm}, or refuses it.
     * A key with neither {@code rpm} nor {@code tpm} in a project without a budget costs no database
     * access.
     *
     * @throws QuotaExceededException when the project's spend this month (UTC) has reached its budget
     * @throws RateLimitException of type {@code requests} when the key has made {@code rpm} requests
     *     this minute, of type {@code tokens} when it has used {@code tpm} tokens this minute; both
     *     with the seconds left until the next minute
     */
    public void admit(KeyOwner owner) {
        Instant now = clock.instant();
        Project project = owner.project();
        if (project != null && project.budgetUsdPerMonth() != null) {
            checkBudget(project, now);
        }
        ApiKey key = owner.key();
        if (key.rpm() == null && key.tpm() == null) {
            return;
        }
        Instant window = now.truncatedTo(ChronoUnit.MINUTES);
        long retryAfter = retryAfterSeconds(now, window);
        inTransaction(connection -> {
            Counts counts =
                    key.rpm() != null ? add(connection, key.id(), window, 1, 0) : read(connection, key.id(), window);
            if (key.rpm() != null && counts.requests() > key.rpm()) {
                throw new RateLimitException(
                        RateLimitException.Limit.REQUESTS,
                        refusal(key, "requests per min (RPM)", key.rpm(), counts.requests() - 1, retryAfter),
                        retryAfter);
            }
            if (key.tpm() != null && counts.tokens() >= key.tpm()) {
                throw new RateLimitException(
                        RateLimitException.Limit.TOKENS,
                        refusal(key, "tokens per min (TPM)", key.tpm(), counts.tokens(), retryAfter),
                        retryAfter);
            }
            return null;
        });
    }

    /**
     * Adds a finished request's tokens to its key's counter for this minute. Only keys with a {@code
     * tpm} need it; for others it is a wasted write.
     */
    public void recordTokens(String keyId, int tokens) {
        Objects.requireNonNull(keyId, "keyId");
        if (tokens <= 0) {
            return;
        }
        Instant window = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        inTransaction(connection -> add(connection, keyId, window, 0, tokens));
    }

    /** Deletes the counters of every minute that started before {@code cutoff}. */
    public void purgeBefore(Instant cutoff) {
        inTransaction(connection -> {
            try (PreparedStatement delete =
                    connection.prepareStatement("DELETE FROM rate_windows WHERE window_start < ?")) {
                delete.setObject(1, timestamp(cutoff));
                delete.executeUpdate();
            }
            return null;
        });
    }

    private void checkBudget(Project project, Instant now) {
        BigDecimal budget = project.budgetUsdPerMonth();
        String month = YearMonth.from(now.atOffset(ZoneOffset.UTC)).toString();
        BigDecimal spend = inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT user_price_usd FROM project_spend WHERE project_id = ? AND spend_month = ?")) {
                select.setString(1, project.id());
                select.setString(2, month);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? rows.getBigDecimal(1) : BigDecimal.ZERO;
                }
            }
        });
        if (spend.compareTo(budget) >= 0) {
            throw new QuotaExceededException("Project '" + project.name() + "' has spent $" + plain(spend)
                    + " of its monthly budget of $" + plain(budget) + " in " + month
                    + " (UTC). Raise the budget or wait for the next month.");
        }
    }

    private record Counts(long requests, long tokens) {}

    private Counts add(Connection connection, String keyId, Instant window, int requests, int tokens)
            throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement(increment)) {
            upsert.setString(1, keyId);
            upsert.setObject(2, timestamp(window));
            upsert.setInt(3, requests);
            upsert.setLong(4, tokens);
            upsert.executeUpdate();
        }
        // The upsert holds the row's lock until commit, so this reads our own count, not a later one.
        return read(connection, keyId, window);
    }

    private static Counts read(Connection connection, String keyId, Instant window) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT requests, tokens FROM rate_windows WHERE key_id = ? AND window_start = ?")) {
            select.setString(1, keyId);
            select.setObject(2, timestamp(window));
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? new Counts(rows.getLong(1), rows.getLong(2)) : new Counts(0, 0);
            }
        }
    }

    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /**
     * Runs {@code work} in one transaction, again from the start when the database asks for a retry.
     * Any exception rolls it back, so a refused request leaves no count behind.
     */
    private <T> T inTransaction(Work<T> work) {
        for (int attempt = 1; ; attempt++) {
            try (Connection connection = database.dataSource().getConnection()) {
                connection.setAutoCommit(false);
                try {
                    T result = work.run(connection);
                    connection.commit();
                    return result;
                } catch (SQLException | RuntimeException failed) {
                    connection.rollback();
                    throw failed;
                } finally {
                    connection.setAutoCommit(true);
                }
            } catch (SQLException failed) {
                if (attempt >= ATTEMPTS || !RETRYABLE.contains(failed.getSQLState())) {
                    throw new IllegalStateException("rate limit storage failed: " + failed.getMessage(), failed);
                }
            }
        }
    }

    private static long retryAfterSeconds(Instant now, Instant window) {
        long millis = Duration.between(now, window.plus(Duration.ofMinutes(1))).toMillis();
        return Math.max(1, (millis + 999) / 1000);
    }

    private static String refusal(ApiKey key, String what, long limit, long used, long retryAfter) {
        return "Rate limit reached for key '" + key.name() + "' (" + key.id() + ") on " + what + ": Limit " + limit
                + ", Used " + used + ". Please try again in " + retryAfter + "s.";
    }

    private static String plain(BigDecimal amount) {
        BigDecimal stripped = amount.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
