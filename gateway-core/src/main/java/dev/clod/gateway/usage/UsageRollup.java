package dev.clod.gateway.usage;

import dev.clod.gateway.store.Database;
import dev.clod.gateway.usage.internal.LedgerSql;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * Retention: moves raw usage records older than a cut-off into per-day sums ({@code usage_daily}, per
 * UTC day, project, key and model) and deletes them. Summaries read both, so their totals stay the
 * same; the request log no longer lists moved records.
 *
 * <p>Records move in chunks of {@value #CHUNK} per transaction; each transaction adds a chunk to the
 * daily rows and deletes exactly the rows it summed (by request id), so a crash leaves every record
 * either raw or summed, never both or neither. Each transaction first locks the single row of {@code
 * usage_rollup_lock} ({@code SELECT … FOR UPDATE}), so roll-ups run by several gateway instances at
 * once take turns, and each sees the rows the other already deleted. Running it twice moves nothing
 * the second time.
 *
 * <p>A record committed for a request id that was already rolled up is stored again (the raw
 * table no longer holds the id to refuse it); the ledger writes a request within seconds, so keep
 * the cut-off days in the past.
 */
public final class UsageRollup {

    static final int CHUNK = 5_000;

    private final DataSource dataSource;
    private final LedgerSql sql;
    private final int chunk;

    public UsageRollup(Database database) {
        this(database, CHUNK);
    }

    UsageRollup(Database database, int chunk) {
        Objects.requireNonNull(database, "database");
        this.dataSource = database.dataSource();
        this.sql = new LedgerSql(database.kind());
        this.chunk = chunk;
    }

    /**
     * Moves every raw record with a time before {@code before} into the daily rows.
     *
     * @return how many records were moved
     */
    public int rollUp(Instant before) {
        Objects.requireNonNull(before, "before");
        int moved = 0;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            while (true) {
                int count;
                try {
                    count = moveChunk(connection, before);
                    connection.commit();
                } catch (SQLException | RuntimeException failed) {
                    try {
                        connection.rollback();
                    } catch (SQLException alsoFailed) {
                        failed.addSuppressed(alsoFailed);
                    }
                    throw failed;
                }
                moved += count;
                if (count < chunk) {
                    return moved;
                }
            }
        } catch (SQLException failed) {
            throw new UsageLedgerException(
                    "rolling up usage before " + before + " failed after moving " + moved + " records: "
                            + failed.getMessage(),
                    failed);
        }
    }

    private int moveChunk(Connection connection, Instant before) throws SQLException {
        try (PreparedStatement lock =
                        connection.prepareStatement("SELECT id FROM usage_rollup_lock WHERE id = 1 FOR UPDATE");
                ResultSet locked = lock.executeQuery()) {
            if (!locked.next()) {
                throw new SQLException("the usage_rollup_lock row is missing");
            }
        }
        List<String> ids = new ArrayList<>();
        Map<DailyKey, DailySum> sums = new TreeMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT request_id, recorded_at, project_id, key_id, model, error_type, prompt_tokens,"
                        + " completion_tokens, user_price_usd, energy_kwh FROM usage_records WHERE recorded_at < ?"
                        + " ORDER BY recorded_at, request_id FETCH FIRST " + chunk + " ROWS ONLY")) {
            select.setObject(1, OffsetDateTime.ofInstant(before, ZoneOffset.UTC));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString("request_id"));
                    DailyKey key = new DailyKey(
                            rows.getObject("recorded_at", OffsetDateTime.class)
                                    .withOffsetSameInstant(ZoneOffset.UTC)
                                    .toLocalDate(),
                            orNone(rows.getString("project_id")),
                            orNone(rows.getString("key_id")),
                            orNone(rows.getString("model")));
                    BigDecimal energy = rows.getBigDecimal("energy_kwh");
                    DailySum sum = new DailySum(
                            1,
                            rows.getString("error_type") == null ? 0 : 1,
                            rows.getLong("prompt_tokens"),
                            rows.getLong("completion_tokens"),
                            rows.getBigDecimal("user_price_usd"),
                            energy == null ? BigDecimal.ZERO : energy);
                    sums.merge(key, sum, DailySum::plus);
                }
            }
        }
        if (ids.isEmpty()) {
            return 0;
        }
        try (PreparedStatement add = connection.prepareStatement(sql.addDaily())) {
            for (Map.Entry<DailyKey, DailySum> entry : sums.entrySet()) {
                DailyKey key = entry.getKey();
                DailySum sum = entry.getValue();
                add.setObject(1, key.day());
                add.setString(2, key.projectId());
                add.setString(3, key.keyId());
                add.setString(4, key.model());
                add.setLong(5, sum.requests());
                add.setLong(6, sum.failedRequests());
                add.setLong(7, sum.promptTokens());
                add.setLong(8, sum.completionTokens());
                add.setBigDecimal(9, sum.userPrice());
                add.setBigDecimal(10, sum.energyKwh());
                add.addBatch();
            }
            add.executeBatch();
        }
        int deleted = 0;
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM usage_records WHERE request_id = ?")) {
            for (String id : ids) {
                delete.setString(1, id);
                delete.addBatch();
            }
            for (int count : delete.executeBatch()) {
                deleted += Math.max(count, 0);
            }
        }
        if (deleted != ids.size()) {
            // Only a roll-up deletes records and roll-ups hold the lock; refuse to count what moved
            // under us rather than count it twice.
            throw new SQLException("rolled up " + ids.size() + " usage records but deleted " + deleted);
        }
        return ids.size();
    }

    private static String orNone(String value) {
        return value == null ? "" : value;
    }

    private record DailyKey(LocalDate day, String projectId, String keyId, String model)
            implements Comparable<DailyKey> {

        @Override
        public int compareTo(DailyKey other) {
            int byDay = day.compareTo(other.day);
            if (byDay != 0) {
                return byDay;
            }
            int byProject = projectId.compareTo(other.projectId);
            if (byProject != 0) {
                return byProject;
            }
            int byKey = keyId.compareTo(other.keyId);
            return byKey != 0 ? byKey : model.compareTo(other.model);
        }
    }

    private record DailySum(
            long requests,
            long failedRequests,
            long promptTokens,
            long completionTokens,
            BigDecimal userPrice,
            BigDecimal energyKwh) {

        DailySum plus(DailySum other) {
            return new DailySum(
                    requests + other.requests,
                    failedRequests + other.failedRequests,
                    promptTokens + other.promptTokens,
                    completionTokens + other.completionTokens,
                    userPrice.add(other.userPrice),
                    energyKwh.add(other.energyKwh));
        }
    }
}
