package dev.clod.gateway.usage;

import java.time.Duration;
import java.util.Objects;

/**
 * How the {@link JdbcUsageLedger} groups records into transactions.
 *
 * @param durability when a record's stage completes
 * @param maxDelay in {@link Durability#ASYNC} mode, how long a record may wait for others to share
 *     its transaction; in {@link Durability#SYNC} mode a batch is written as soon as the writer is free
 * @param maxBatch the most records in one transaction
 */
public record LedgerSettings(Durability durability, Duration maxDelay, int maxBatch) {

    public static final int MAX_BATCH_LIMIT = 10_000;

    public LedgerSettings {
        Objects.requireNonNull(durability, "durability");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (maxDelay.isNegative() || maxDelay.isZero()) {
            throw new IllegalArgumentException("usage maxDelay must be positive, got " + maxDelay);
        }
        if (maxBatch < 1 || maxBatch > MAX_BATCH_LIMIT) {
            throw new IllegalArgumentException(
                    "usage maxBatch must be between 1 and " + MAX_BATCH_LIMIT + ", got " + maxBatch);
        }
    }

    /** {@code sync}, 50 ms, 500 records. */
    public static LedgerSettings defaults() {
        return new LedgerSettings(Durability.SYNC, Duration.ofMillis(50), 500);
    }

    public LedgerSettings withDurability(Durability durability) {
        return new LedgerSettings(durability, maxDelay, maxBatch);
    }
}
