package dev.clod.camel;

import dev.clod.gateway.Gateway;
import dev.clod.gateway.config.StoreSettings;
import dev.clod.gateway.store.Database;
import dev.clod.gateway.usage.Durability;
import dev.clod.gateway.usage.GroupBy;
import dev.clod.gateway.usage.JdbcUsageLedger;
import dev.clod.gateway.usage.JdbcUsageReader;
import dev.clod.gateway.usage.LedgerSettings;
import dev.clod.gateway.usage.UsageQuery;
import dev.clod.gateway.usage.UsageSummaryRow;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The server's usage ledger under an embedded gateway: every request is written to the configured
 * database (as durably as {@code usage.durability} says), and {@code clod:usage} reads it back, so
 * Camel applications and gateway servers can share one ledger.
 */
final class EmbeddedLedger implements AutoCloseable {

    private static final int MAX_BATCH = 500;

    private final Database database;
    private final JdbcUsageLedger ledger;
    private final JdbcUsageReader reader;
    private final Clock clock;

    private EmbeddedLedger(Database database, JdbcUsageLedger ledger, Clock clock) {
        this.database = database;
        this.ledger = ledger;
        this.reader = new JdbcUsageReader(database);
        this.clock = clock;
    }

    static EmbeddedLedger attach(Gateway gateway, StoreSettings store, Clock clock) {
        Database database = Database.open(store.databaseUrl(), 4);
        JdbcUsageLedger ledger = new JdbcUsageLedger(
                database,
                new LedgerSettings(
                        store.syncUsage() ? Durability.SYNC : Durability.ASYNC, store.usageMaxDelay(), MAX_BATCH),
                clock);
        gateway.addUsageSink(ledger);
        return new EmbeddedLedger(database, ledger, clock);
    }

    /** This month's usage per model, as the server's {@code GET /v1/usage?group_by=model} reports it. */
    List<UsageSummaryRow> thisMonthByModel() {
        Instant now = clock.instant();
        Instant monthStart = LocalDate.ofInstant(now, ZoneOffset.UTC)
                .withDayOfMonth(1)
                .atStartOfDay()
                .toInstant(ZoneOffset.UTC);
        // The end is exclusive: a record written in this very instant still counts.
        return reader.summarize(new UsageQuery(monthStart, now.plusMillis(1), GroupBy.MODEL, null));
    }

    @Override
    public void close() {
        try {
            ledger.close();
        } finally {
            database.close();
        }
    }
}
