package dev.clod.server;

import dev.clod.gateway.Gateway;
import dev.clod.gateway.account.JdbcAccountStore;
import dev.clod.gateway.config.StoreSettings;
import dev.clod.gateway.limits.JdbcLimits;
import dev.clod.gateway.market.JdbcPriceHistory;
import dev.clod.gateway.store.Database;
import dev.clod.gateway.usage.Durability;
import dev.clod.gateway.usage.JdbcUsageLedger;
import dev.clod.gateway.usage.JdbcUsageReader;
import dev.clod.gateway.usage.LedgerSettings;
import dev.clod.gateway.usage.UsageReader;
import dev.clod.gateway.usage.UsageRollup;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the server keeps in its database: accounts, the usage ledger and the limits, over one pool.
 * Closing it drains the ledger before the pool goes.
 */
public final class ServerStore implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ServerStore.class);

    private static final int MAX_BATCH = 500;

    private final Database database;
    private final JdbcAccountStore accounts;
    private final JdbcUsageLedger ledger;
    private final JdbcUsageReader reader;
    private final UsageRollup rollup;
    private final Duration retention;
    private final Clock clock;
    private final JdbcLimits limits;
    // Token counts go to the database off the request's thread; the answer never waits for them.
    private final ExecutorService tokenCounter = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "clod-token-counter");
        thread.setDaemon(true);
        return thread;
    });

    private final ScheduledExecutorService housekeeping = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "clod-housekeeping");
        thread.setDaemon(true);
        return thread;
    });

    private ServerStore(Database database, StoreSettings settings, Clock clock) {
        this.database = database;
        this.clock = clock;
        this.accounts = new JdbcAccountStore(database, clock);
        this.ledger = new JdbcUsageLedger(
                database,
                new LedgerSettings(
                        settings.syncUsage() ? Durability.SYNC : Durability.ASYNC, settings.usageMaxDelay(), MAX_BATCH),
                clock);
        this.reader = new JdbcUsageReader(database);
        this.rollup = new UsageRollup(database);
        this.retention = settings.usageRetention();
        this.limits = new JdbcLimits(database, clock);
        housekeeping.scheduleWithFixedDelay(this::keepHouse, 1, 60, TimeUnit.MINUTES);
    }

    public static ServerStore open(StoreSettings settings, Clock clock) {
        return new ServerStore(Database.open(settings.databaseUrl()), settings, clock);
    }

    /**
     * Sends the gateway's usage records to the ledger, and each key's tokens to its per-minute counter
     * (after the answer: a request's tokens are known only at its end).
     */
    public void attach(Gateway gateway) {
        if (gateway.energy().hasSites()) {
            gateway.energy().useHistory(new JdbcPriceHistory(database));
        }
        gateway.addUsageSink(ledger);
        gateway.addUsageSink(record -> {
            if (record.keyId() != null && record.usage().totalTokens() > 0) {
                tokenCounter.execute(
                        () -> countTokens(record.keyId(), record.usage().totalTokens()));
            }
            return CompletableFuture.completedFuture(null);
        });
    }

    private void countTokens(String keyId, int tokens) {
        try {
            limits.recordTokens(keyId, tokens);
        } catch (RuntimeException failed) {
            LOG.warn("could not count {} tokens for key {}: {}", tokens, keyId, failed.toString());
        }
    }

    public JdbcAccountStore accounts() {
        return accounts;
    }

    public UsageReader usage() {
        return reader;
    }

    /**
     * Hourly: rolls raw usage older than the retention into daily totals (when a retention is set) and
     * drops rate-limit windows older than an hour. Safe on every instance at once.
     */
    void keepHouse() {
        try {
            if (retention != null) {
                int moved = rollup.rollUp(clock.instant().minus(retention));
                if (moved > 0) {
                    LOG.info("rolled {} usage records older than {} into daily totals", moved, retention);
                }
            }
            limits.purgeBefore(clock.instant().minus(Duration.ofHours(1)));
        } catch (RuntimeException failed) {
            LOG.warn("housekeeping failed, will try again in an hour: {}", failed.toString());
        }
    }

    public JdbcUsageLedger ledger() {
        return ledger;
    }

    public JdbcLimits limits() {
        return limits;
    }

    @Override
    public void close() {
        housekeeping.shutdownNow();
        tokenCounter.shutdown();
        try {
            tokenCounter.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        try {
            ledger.close();
        } finally {
            database.close();
        }
    }
}
