package dev.clod.gateway.usage;

import dev.clod.gateway.store.Database;
import dev.clod.gateway.usage.internal.LedgerSql;
import dev.clod.gateway.usage.internal.RecordColumns;
import dev.clod.gateway.usage.internal.RequestCursor;
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
 * Reads the usage ledger from the database, raw records and daily roll-ups together, so a summary's
 * totals do not change when records are rolled up.
 *
 * <p>Summary keys use the empty string for "none", as the daily rows store it: a request without a
 * resolved model, project or key is grouped under {@code ""}. Rows come sorted by key; days sort
 * oldest first.
 */
public final class JdbcUsageReader implements UsageReader {

    private final DataSource dataSource;
    private final LedgerSql dialect;

    public JdbcUsageReader(Database database) {
        this.dataSource = Objects.requireNonNull(database, "database").dataSource();
        this.dialect = new LedgerSql(database.kind());
    }

    @Override
    public List<UsageSummaryRow> summarize(UsageQuery query) {
        Map<String, UsageSummaryRow> rows = new TreeMap<>();
        try (Connection connection = dataSource.getConnection()) {
            // One snapshot for both reads where the database gives one, so a roll-up committing in
            // between cannot move records from one read into the other.
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                readRaw(connection, query, rows);
                readDaily(connection, query, rows);
            } finally {
                connection.rollback();
            }
        } catch (SQLException failed) {
            throw new UsageLedgerException("reading usage failed: " + failed.getMessage(), failed);
        }
        return List.copyOf(rows.values());
    }

    private void readRaw(Connection connection, UsageQuery query, Map<String, UsageSummaryRow> rows)
            throws SQLException {
        String key = rawKey(query.groupBy());
        String sql = "SELECT " + key + " AS group_key, COUNT(*) AS requests,"
                + " SUM(CASE WHEN error_type IS NULL THEN 0 ELSE 1 END) AS failed_requests,"
                + " SUM(prompt_tokens) AS prompt_tokens, SUM(completion_tokens) AS completion_tokens,"
                + " SUM(user_price_usd) AS user_price_usd, SUM(COALESCE(energy_kwh, 0)) AS energy_kwh"
                + " FROM usage_records WHERE recorded_at >= ? AND recorded_at < ?"
                + (query.projectId() == null ? "" : " AND project_id = ?")
                + " GROUP BY " + key;
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, OffsetDateTime.ofInstant(query.from(), ZoneOffset.UTC));
            statement.setObject(2, OffsetDateTime.ofInstant(query.to(), ZoneOffset.UTC));
            if (query.projectId() != null) {
                statement.setString(3, query.projectId());
            }
            addAll(statement, false, rows);
        }
    }

    private static void readDaily(Connection connection, UsageQuery query, Map<String, UsageSummaryRow> rows)
            throws SQLException {
        String key = dailyKey(query.groupBy());
        String sql = "SELECT " + key + " AS group_key, SUM(requests) AS requests,"
                + " SUM(failed_requests) AS failed_requests, SUM(prompt_tokens) AS prompt_tokens,"
                + " SUM(completion_tokens) AS completion_tokens, SUM(user_price_usd) AS user_price_usd,"
                + " SUM(energy_kwh) AS energy_kwh"
                + " FROM usage_daily WHERE usage_day >= ? AND usage_day < ?"
                + (query.projectId() == null ? "" : " AND project_id = ?")
                + " GROUP BY " + key;
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, firstDay(query.from()));
            statement.setObject(2, dayAfterLast(query.to()));
            if (query.projectId() != null) {
                statement.setString(3, query.projectId());
            }
            addAll(statement, query.groupBy() == GroupBy.DAY || query.groupBy() == GroupBy.HOUR, rows);
        }
    }

    /** The first UTC day that overlaps a range starting at {@code from}. */
    static LocalDate firstDay(Instant from) {
        return LocalDate.ofInstant(from, ZoneOffset.UTC);
    }

    /** The day after the last UTC day that overlaps a range ending (exclusive) at {@code to}. */
    static LocalDate dayAfterLast(Instant to) {
        LocalDate day = LocalDate.ofInstant(to, ZoneOffset.UTC);
        return day.atStartOfDay(ZoneOffset.UTC).toInstant().equals(to) ? day : day.plusDays(1);
    }

    private String rawKey(GroupBy groupBy) {
        return switch (groupBy) {
            case MODEL -> "COALESCE(model, '')";
            case DAY -> dialect.utcDay("recorded_at");
            case HOUR -> dialect.utcHour("recorded_at");
            case PROJECT -> "COALESCE(project_id, '')";
            case KEY -> "COALESCE(key_id, '')";
        };
    }

    private static String dailyKey(GroupBy groupBy) {
        return switch (groupBy) {
            case MODEL -> "model";
            case DAY, HOUR -> "usage_day";
            case PROJECT -> "project_id";
            case KEY -> "key_id";
        };
    }

    /** {@code keyIsDate}: the group key is a DATE column rather than text. */
    private static void addAll(PreparedStatement statement, boolean keyIsDate, Map<String, UsageSummaryRow> rows)
            throws SQLException {
        try (ResultSet result = statement.executeQuery()) {
            while (result.next()) {
                String key = keyIsDate
                        ? result.getObject("group_key", LocalDate.class).toString()
                        : result.getString("group_key");
                UsageSummaryRow row = new UsageSummaryRow(
                        key,
                        result.getLong("requests"),
                        result.getLong("failed_requests"),
                        result.getLong("prompt_tokens"),
                        result.getLong("completion_tokens"),
                        orZero(result.getBigDecimal("user_price_usd")),
                        orZero(result.getBigDecimal("energy_kwh")));
                rows.merge(key, row, JdbcUsageReader::plus);
            }
        }
    }

    private static UsageSummaryRow plus(UsageSummaryRow a, UsageSummaryRow b) {
        return new UsageSummaryRow(
                a.key(),
                a.requests() + b.requests(),
                a.failedRequests() + b.failedRequests(),
                a.promptTokens() + b.promptTokens(),
                a.completionTokens() + b.completionTokens(),
                a.costUsd().add(b.costUsd()),
                a.energyKwh().add(b.energyKwh()));
    }

    private static BigDecimal orZero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }

    @Override
    public RequestPage requests(String projectId, String cursor, int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_PAGE + ", got " + limit);
        }
        RequestCursor after = cursor == null ? null : RequestCursor.parse(cursor);
        StringBuilder sql = new StringBuilder("SELECT " + LedgerSql.RECORD_COLUMNS + " FROM usage_records WHERE 1 = 1");
        if (projectId != null) {
            sql.append(" AND project_id = ?");
        }
        if (after != null) {
            sql.append(" AND (recorded_at < ? OR (recorded_at = ? AND request_id < ?))");
        }
        sql.append(" ORDER BY recorded_at DESC, request_id DESC FETCH FIRST ? ROWS ONLY");
        List<UsageRecord> records = new ArrayList<>(limit + 1);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql.toString())) {
            int i = 0;
            if (projectId != null) {
                statement.setString(++i, projectId);
            }
            if (after != null) {
                OffsetDateTime time = OffsetDateTime.ofInstant(after.time(), ZoneOffset.UTC);
                statement.setObject(++i, time);
                statement.setObject(++i, time);
                statement.setString(++i, after.requestId());
            }
            // One more than asked, to know whether another page follows.
            statement.setInt(++i, limit + 1);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    records.add(RecordColumns.read(result));
                }
            }
        } catch (SQLException failed) {
            throw new UsageLedgerException("reading the request log failed: " + failed.getMessage(), failed);
        }
        if (records.size() <= limit) {
            return new RequestPage(records, null);
        }
        UsageRecord last = records.get(limit - 1);
        return new RequestPage(records.subList(0, limit), new RequestCursor(last.time(), last.requestId()).encode());
    }
}
