package dev.clod.gateway.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.Locale;
import java.util.Objects;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * A pooled connection to the gateway's database, migrated to the current schema when opened. Several
 * gateway instances may share one PostgreSQL database; migrations take a lock, so they may start
 * together.
 */
public final class Database implements AutoCloseable {

    /** The database products clod runs on. */
    public enum Kind {
        H2,
        POSTGRESQL
    }

    static final String MIGRATIONS = "classpath:dev/clod/gateway/store/migration";

    private final Kind kind;
    private final HikariDataSource pool;

    private Database(Kind kind, HikariDataSource pool) {
        this.kind = kind;
        this.pool = pool;
    }

    /**
     * Opens a pool on {@code jdbcUrl} ({@code jdbc:h2:…} or {@code jdbc:postgresql:…}) and applies every
     * pending migration.
     *
     * @throws IllegalArgumentException for a URL of another database
     */
    public static Database open(String jdbcUrl, int maxPoolSize) {
        Kind kind = kindOf(jdbcUrl);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setMaximumPoolSize(maxPoolSize);
        config.setPoolName("clod-db");
        HikariDataSource pool = new HikariDataSource(config);
        try {
            Flyway.configure().dataSource(pool).locations(MIGRATIONS).load().migrate();
        } catch (RuntimeException failed) {
            pool.close();
            throw failed;
        }
        return new Database(kind, pool);
    }

    public static Database open(String jdbcUrl) {
        return open(jdbcUrl, 10);
    }

    /** Which database a JDBC URL points at. */
    public static Kind kindOf(String jdbcUrl) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        String url = jdbcUrl.toLowerCase(Locale.ROOT);
        if (url.startsWith("jdbc:h2:")) {
            return Kind.H2;
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return Kind.POSTGRESQL;
        }
        throw new IllegalArgumentException(
                "unsupported database URL '" + jdbcUrl + "': use jdbc:h2:… or jdbc:postgresql:…");
    }

    public Kind kind() {
        return kind;
    }

    public DataSource dataSource() {
        return pool;
    }

    @Override
    public void close() {
        pool.close();
    }
}
