package dev.clod.gateway.limits;

import dev.clod.gateway.store.Database;

/**
 * The one statement that differs between the databases: add to a key's counters for one minute,
 * creating the row when it is the minute's first. Parameters: key id, window start, requests to add,
 * tokens to add. Both forms are atomic against concurrent callers on existing rows; a concurrent
 * first insert may still fail with a unique violation on H2, which the caller retries.
 */
final class RateWindowSql {

    private RateWindowSql() {}

    static String increment(Database.Kind kind) {
        return switch (kind) {
            case POSTGRESQL ->
                "INSERT INTO rate_windows (key_id, window_start, requests, tokens)"
                        + " VALUES (?, ?, ?, ?)"
                        + " ON CONFLICT (key_id, window_start) DO UPDATE SET"
                        + " requests = rate_windows.requests + EXCLUDED.requests,"
                        + " tokens = rate_windows.tokens + EXCLUDED.tokens";
            case H2 ->
                "MERGE INTO rate_windows t"
                        + " USING (VALUES (CAST(? AS VARCHAR(40)), CAST(? AS TIMESTAMP WITH TIME ZONE),"
                        + " CAST(? AS INTEGER), CAST(? AS BIGINT))) s (key_id, window_start, requests, tokens)"
                        + " ON t.key_id = s.key_id AND t.window_start = s.window_start"
                        + " WHEN MATCHED THEN UPDATE SET requests = t.requests + s.requests, tokens = t.tokens + s.tokens"
                        + " WHEN NOT MATCHED THEN INSERT (key_id, window_start, requests, tokens)"
                        + " VALUES (s.key_id, s.window_start, s.requests, s.tokens)";
        };
    }
}
