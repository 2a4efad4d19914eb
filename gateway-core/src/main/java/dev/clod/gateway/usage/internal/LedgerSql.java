package dev.clod.gateway.usage.internal;

import dev.clod.gateway.store.Database;

/**
 * The ledger's statements that differ between H2 and PostgreSQL: the upserts. PostgreSQL gets {@code
 * INSERT … ON CONFLICT}, which stays correct when several gateway instances insert the same key at
 * once (its {@code MERGE} may fail with a duplicate key then); H2 runs in one process and gets the
 * standard {@code MERGE}. And the UTC day and hour of an instant. Everything else is the same SQL on both.
 */
public final class LedgerSql {

    /** The columns of {@code usage_records}, in the order {@link RecordColumns} binds and reads them. */
    public static final String RECORD_COLUMNS = "request_id, recorded_at, key_id, project_id, requested_model, model,"
            + " deployment_id, provider_id, site, strategy, prompt_tokens, completion_tokens, cached_tokens,"
            + " user_price_usd, provider_cost_usd, routing_fee_usd, energy_kwh, ttft_ms, duration_ms, stream,"
            + " status, error_type";

    private static final String RECORD_PARAMETERS = "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?";

    private final Database.Kind kind;

    public LedgerSql(Database.Kind kind) {
        this.kind = kind;
    }

    /**
     * Inserts one record unless its request id is already stored. The update count is 1 when the row
     * was inserted and 0 when it was a duplicate. On H2 the request id is bound first on its own, then
     * the record's columns; see {@link #recordOffset()}.
     */
    public String insertRecordIfAbsent() {
        return switch (kind) {
            case POSTGRESQL ->
                "INSERT INTO usage_records (" + RECORD_COLUMNS + ") VALUES (" + RECORD_PARAMETERS
                        + ") ON CONFLICT (request_id) DO NOTHING";
            case H2 ->
                "MERGE INTO usage_records t USING (VALUES (CAST(? AS VARCHAR(64)))) s (request_id)"
                        + " ON t.request_id = s.request_id WHEN NOT MATCHED THEN INSERT (" + RECORD_COLUMNS
                        + ") VALUES (" + RECORD_PARAMETERS + ")";
        };
    }

    /** How many parameters precede the record's columns in {@link #insertRecordIfAbsent()}. */
    public int recordOffset() {
        return kind == Database.Kind.H2 ? 1 : 0;
    }

    /** Adds {@code (project_id, spend_month, amount)} to a project's month. */
    public String addSpend() {
        return switch (kind) {
            case POSTGRESQL ->
                "INSERT INTO project_spend (project_id, spend_month, user_price_usd) VALUES (?, ?, ?)"
                        + " ON CONFLICT (project_id, spend_month)"
                        + " DO UPDATE SET user_price_usd = project_spend.user_price_usd + EXCLUDED.user_price_usd";
            case H2 ->
                "MERGE INTO project_spend t USING (VALUES (CAST(? AS VARCHAR(40)), CAST(? AS CHAR(7)),"
                        + " CAST(? AS DECIMAL(24, 12)))) s (project_id, spend_month, amount)"
                        + " ON t.project_id = s.project_id AND t.spend_month = s.spend_month"
                        + " WHEN MATCHED THEN UPDATE SET user_price_usd = t.user_price_usd + s.amount"
                        + " WHEN NOT MATCHED THEN INSERT (project_id, spend_month, user_price_usd)"
                        + " VALUES (s.project_id, s.spend_month, s.amount)";
        };
    }

    /**
     * Adds {@code (usage_day, project_id, key_id, model, requests, failed_requests, prompt_tokens,
     * completion_tokens, user_price_usd, energy_kwh)} to a daily row.
     */
    public String addDaily() {
        return switch (kind) {
            case POSTGRESQL ->
                "INSERT INTO usage_daily (usage_day, project_id, key_id, model, requests,"
                        + " failed_requests, prompt_tokens, completion_tokens, user_price_usd, energy_kwh)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT (usage_day, project_id, key_id, model) DO UPDATE SET"
                        + " requests = usage_daily.requests + EXCLUDED.requests,"
                        + " failed_requests = usage_daily.failed_requests + EXCLUDED.failed_requests,"
                        + " prompt_tokens = usage_daily.prompt_tokens + EXCLUDED.prompt_tokens,"
                        + " completion_tokens = usage_daily.completion_tokens + EXCLUDED.completion_tokens,"
                        + " user_price_usd = usage_daily.user_price_usd + EXCLUDED.user_price_usd,"
                        + " energy_kwh = usage_daily.energy_kwh + EXCLUDED.energy_kwh";
            case H2 ->
                "MERGE INTO usage_daily t USING (VALUES (CAST(? AS DATE), CAST(? AS VARCHAR(40)),"
                        + " CAST(? AS VARCHAR(40)), CAST(? AS VARCHAR(200)), CAST(? AS BIGINT), CAST(? AS BIGINT),"
                        + " CAST(? AS BIGINT), CAST(? AS BIGINT), CAST(? AS DECIMAL(24, 12)),"
                        + " CAST(? AS DECIMAL(24, 12)))) s (usage_day, project_id, key_id, model, requests,"
                        + " failed_requests, prompt_tokens, completion_tokens, user_price_usd, energy_kwh)"
                        + " ON t.usage_day = s.usage_day AND t.project_id = s.project_id AND t.key_id = s.key_id"
                        + " AND t.model = s.model"
                        + " WHEN MATCHED THEN UPDATE SET requests = t.requests + s.requests,"
                        + " failed_requests = t.failed_requests + s.failed_requests,"
                        + " prompt_tokens = t.prompt_tokens + s.prompt_tokens,"
                        + " completion_tokens = t.completion_tokens + s.completion_tokens,"
                        + " user_price_usd = t.user_price_usd + s.user_price_usd,"
                        + " energy_kwh = t.energy_kwh + s.energy_kwh"
                        + " WHEN NOT MATCHED THEN INSERT (usage_day, project_id, key_id, model, requests,"
                        + " failed_requests, prompt_tokens, completion_tokens, user_price_usd, energy_kwh)"
                        + " VALUES (s.usage_day, s.project_id, s.key_id, s.model, s.requests, s.failed_requests,"
                        + " s.prompt_tokens, s.completion_tokens, s.user_price_usd, s.energy_kwh)";
        };
    }

    /**
     * The UTC calendar day of a TIMESTAMP WITH TIME ZONE column as text, {@code YYYY-MM-DD}. Spelled
     * per database because H2 casts such a value to DATE in the session's time zone, which is the
     * JVM's, whatever {@code AT TIME ZONE} said.
     */
    public String utcDay(String column) {
        return switch (kind) {
            case POSTGRESQL -> "to_char(" + column + " AT TIME ZONE 'UTC', 'YYYY-MM-DD')";
            case H2 -> "FORMATDATETIME(" + column + ", 'yyyy-MM-dd', 'en', 'UTC')";
        };
    }

    /** The UTC hour of a TIMESTAMP WITH TIME ZONE column as text, {@code YYYY-MM-DDTHH:00:00Z}. */
    public String utcHour(String column) {
        return switch (kind) {
            case POSTGRESQL -> "to_char(" + column + " AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24\":00:00Z\"')";
            case H2 -> "FORMATDATETIME(" + column + ", 'yyyy-MM-dd''T''HH'':00:00Z''', 'en', 'UTC')";
        };
    }
}
