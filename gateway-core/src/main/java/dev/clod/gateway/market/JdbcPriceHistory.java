package dev.clod.gateway.market;

import dev.clod.gateway.pricing.PriceStatus;
import dev.clod.gateway.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Price history in the gateway's database, beside the usage ledger, so that it survives restarts and
 * every instance behind a load balancer serves the same series. Appending is idempotent: instances
 * that record the same change write one row.
 */
public final class JdbcPriceHistory implements PriceHistory {

    private static final String INSERT_POSTGRESQL =
            "INSERT INTO site_prices (site, changed_at, usd_per_mwh, status) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING";
    private static final String INSERT_H2 =
            "MERGE INTO site_prices (site, changed_at, usd_per_mwh, status) KEY (site, changed_at) VALUES (?, ?, ?, ?)";
    private static final String IN_EFFECT_AT_START = "SELECT changed_at, usd_per_mwh, status FROM site_prices"
            + " WHERE site = ? AND changed_at <= ? ORDER BY changed_at DESC LIMIT 1";
    private static final String IN_RANGE = "SELECT changed_at, usd_per_mwh, status FROM site_prices"
            + " WHERE site = ? AND changed_at > ? AND changed_at <= ? ORDER BY changed_at";
    private static final int BATCH = 500;

    private final Database database;
    private final String insert;

    public JdbcPriceHistory(Database database) {
        this.database = database;
        this.insert = database.kind() == Database.Kind.POSTGRESQL ? INSERT_POSTGRESQL : INSERT_H2;
    }

    @Override
    public void append(List<SitePricePoint> points) {
        if (points.isEmpty()) {
            return;
        }
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement statement = connection.prepareStatement(insert)) {
            connection.setAutoCommit(false);
            int pending = 0;
            for (SitePricePoint point : points) {
                statement.setString(1, point.siteId());
                statement.setObject(2, OffsetDateTime.ofInstant(point.at(), ZoneOffset.UTC));
                statement.setBigDecimal(3, point.usdPerMwh());
                statement.setString(4, point.status().wireName());
                statement.addBatch();
                if (++pending == BATCH) {
                    statement.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                statement.executeBatch();
            }
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("could not keep " + points.size() + " price changes: " + e.getMessage(), e);
        }
    }

    @Override
    public List<SitePricePoint> series(String siteId, Instant from, Instant to) {
        List<SitePricePoint> points = new ArrayList<>();
        try (Connection connection = database.dataSource().getConnection()) {
            try (PreparedStatement statement = connection.prepareStatement(IN_EFFECT_AT_START)) {
                statement.setString(1, siteId);
                statement.setObject(2, OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
                read(statement, siteId, points);
            }
            try (PreparedStatement statement = connection.prepareStatement(IN_RANGE)) {
                statement.setString(1, siteId);
                statement.setObject(2, OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
                statement.setObject(3, OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
                read(statement, siteId, points);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "could not read the price history of site " + siteId + ": " + e.getMessage(), e);
        }
        return points;
    }

    private static void read(PreparedStatement statement, String siteId, List<SitePricePoint> into)
            throws SQLException {
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                into.add(new SitePricePoint(
                        siteId,
                        rows.getObject(1, OffsetDateTime.class).toInstant(),
                        rows.getBigDecimal(2),
                        PriceStatus.valueOf(rows.getString(3).toUpperCase(Locale.ROOT))));
            }
        }
    }
}
