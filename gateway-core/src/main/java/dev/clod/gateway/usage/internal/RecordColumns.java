package dev.clod.gateway.usage.internal;

import dev.clod.gateway.api.Usage;
import dev.clod.gateway.pricing.Cost;
import dev.clod.gateway.usage.UsageRecord;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Maps a {@link UsageRecord} to the columns of {@code usage_records} ({@link LedgerSql#RECORD_COLUMNS}) and back. */
public final class RecordColumns {

    /** Amounts must fit DECIMAL(24, 12). */
    private static final BigDecimal AMOUNT_LIMIT = BigDecimal.TEN.pow(12);

    private RecordColumns() {}

    /**
     * Why a record cannot be stored as it is, or null when it can. Checked before a record is queued,
     * so that one bad record fails alone instead of failing the batch it would share.
     */
    public static String problem(UsageRecord record) {
        String tooLong = firstTooLong(
                record,
                "requestId",
                record.requestId(),
                64,
                "keyId",
                record.keyId(),
                40,
                "projectId",
                record.projectId(),
                40,
                "requestedModel",
                record.requestedModel(),
                300,
                "model",
                record.model(),
                200,
                "deploymentId",
                record.deploymentId(),
                300,
                "providerId",
                record.providerId(),
                100,
                "site",
                record.site(),
                100,
                "strategy",
                record.strategy(),
                40,
                "errorType",
                record.errorType(),
                60);
        if (tooLong != null) {
            return tooLong;
        }
        if (record.projectId() != null && record.projectId().isEmpty()
                || record.keyId() != null && record.keyId().isEmpty()
                || record.model() != null && record.model().isEmpty()) {
            return "usage record " + record.requestId() + ": an empty projectId, keyId or model is reserved for none";
        }
        Cost cost = record.cost();
        for (BigDecimal amount :
                new BigDecimal[] {cost.userPrice(), cost.providerCost(), cost.routingFee(), record.energyKwh()}) {
            if (amount != null && amount.abs().compareTo(AMOUNT_LIMIT) >= 0) {
                return "usage record " + record.requestId() + ": amount " + amount + " is out of range";
            }
        }
        return null;
    }

    private static String firstTooLong(UsageRecord record, Object... nameValueLimit) {
        for (int i = 0; i < nameValueLimit.length; i += 3) {
            String value = (String) nameValueLimit[i + 1];
            int limit = (Integer) nameValueLimit[i + 2];
            if (value != null && value.length() > limit) {
                return "usage record " + abbreviated(record.requestId()) + ": " + nameValueLimit[i] + " is longer than "
                        + limit + " characters";
            }
        }
        return null;
    }

    private static String abbreviated(String value) {
        return value.length() <= 80 ? value : value.substring(0, 80) + "…";
    }

    /** Binds the record's columns to parameters {@code offset + 1 …}. */
    public static void bind(PreparedStatement statement, int offset, UsageRecord record) throws SQLException {
        int i = offset;
        statement.setString(++i, record.requestId());
        statement.setObject(++i, OffsetDateTime.ofInstant(record.time(), ZoneOffset.UTC));
        statement.setString(++i, record.keyId());
        statement.setString(++i, record.projectId());
        statement.setString(++i, record.requestedModel());
        statement.setString(++i, record.model());
        statement.setString(++i, record.deploymentId());
        statement.setString(++i, record.providerId());
        statement.setString(++i, record.site());
        statement.setString(++i, record.strategy());
        statement.setInt(++i, record.usage().promptTokens());
        statement.setInt(++i, record.usage().completionTokens());
        statement.setInt(++i, record.usage().cachedTokens());
        statement.setBigDecimal(++i, record.cost().userPrice());
        statement.setBigDecimal(++i, record.cost().providerCost());
        statement.setBigDecimal(++i, record.cost().routingFee());
        statement.setBigDecimal(++i, record.energyKwh());
        if (record.timeToFirstToken() == null) {
            statement.setNull(++i, Types.BIGINT);
        } else {
            statement.setLong(++i, record.timeToFirstToken().toMillis());
        }
        statement.setLong(++i, record.duration().toMillis());
        statement.setBoolean(++i, record.stream());
        statement.setInt(++i, record.status());
        statement.setString(++i, record.errorType());
    }

    /** Reads a row selected as {@link LedgerSql#RECORD_COLUMNS}. Durations come back in whole milliseconds. */
    public static UsageRecord read(ResultSet row) throws SQLException {
        long ttft = row.getLong("ttft_ms");
        Duration timeToFirstToken = row.wasNull() ? null : Duration.ofMillis(ttft);
        return new UsageRecord(
                row.getString("request_id"),
                row.getObject("recorded_at", OffsetDateTime.class).toInstant(),
                row.getString("key_id"),
                row.getString("project_id"),
                row.getString("requested_model"),
                row.getString("model"),
                row.getString("deployment_id"),
                row.getString("provider_id"),
                row.getString("site"),
                row.getString("strategy"),
                new Usage(row.getInt("prompt_tokens"), row.getInt("completion_tokens"), row.getInt("cached_tokens")),
                new Cost(
                        row.getBigDecimal("user_price_usd"),
                        row.getBigDecimal("provider_cost_usd"),
                        row.getBigDecimal("routing_fee_usd")),
                timeToFirstToken,
                Duration.ofMillis(row.getLong("duration_ms")),
                row.getBoolean("stream"),
                row.getInt("status"),
                row.getString("error_type"),
                row.getBigDecimal("energy_kwh"));
    }
}
