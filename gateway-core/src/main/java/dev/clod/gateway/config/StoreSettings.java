package dev.clod.gateway.config;

import java.time.Duration;
import java.util.Objects;

/**
 * Where keys, projects and the usage ledger live, and how usage is written.
 *
 * @param databaseUrl a {@code jdbc:h2:…} or {@code jdbc:postgresql:…} URL
 * @param syncUsage true ({@code usage.durability: sync}, the default): an answer's last byte goes out
 *     only once its usage record is committed; false ({@code async}): records are committed within
 *     {@code usageMaxDelay}
 * @param usageMaxDelay how long a record may wait for its group commit
 * @param usageRetention raw usage records older than this are rolled up into daily totals; null keeps
 *     them forever
 */
public record StoreSettings(String databaseUrl, boolean syncUsage, Duration usageMaxDelay, Duration usageRetention) {

    public static final Duration DEFAULT_MAX_DELAY = Duration.ofMillis(50);

    public StoreSettings {
        Objects.requireNonNull(databaseUrl, "databaseUrl");
        Objects.requireNonNull(usageMaxDelay, "usageMaxDelay");
    }

    /** The embedded default: an H2 file under the data directory, synchronous usage, no roll-up. */
    public static StoreSettings defaults(String dataDir) {
        return new StoreSettings(defaultDatabaseUrl(dataDir), true, DEFAULT_MAX_DELAY, null);
    }

    /**
     * The H2 file under the data directory, in H2's automatic mixed mode: the first process opens the
     * file and serves it on a loopback port, so the command line can manage keys while a gateway runs.
     */
    static String defaultDatabaseUrl(String dataDir) {
        String dir = dataDir.endsWith("/") ? dataDir.substring(0, dataDir.length() - 1) : dataDir;
        return "jdbc:h2:file:" + dir + "/clod;AUTO_SERVER=TRUE";
    }

    public StoreSettings withDatabaseUrl(String url) {
        return new StoreSettings(url, syncUsage, usageMaxDelay, usageRetention);
    }
}
