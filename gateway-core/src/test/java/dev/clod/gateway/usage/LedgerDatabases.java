package dev.clod.gateway.usage;

import dev.clod.gateway.store.Database;
import dev.clod.gateway.store.TestDatabases;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Stream;

/** The databases every ledger test runs on, and queries that look at the tables directly. */
final class LedgerDatabases {

    private LedgerDatabases() {}

    static Stream<Database.Kind> kinds() {
        return Stream.of(Database.Kind.H2, Database.Kind.POSTGRESQL);
    }

    static String url(Database.Kind kind) {
        return switch (kind) {
            case H2 -> TestDatabases.h2Url();
            case POSTGRESQL -> TestDatabases.postgresUrl();
        };
    }

    static Database open(Database.Kind kind) {
        return Database.open(url(kind));
    }

    static long count(Database database, String sql, String... parameters) {
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static BigDecimal spend(Database database, String projectId, String month) {
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT user_price_usd FROM project_spend WHERE project_id = ? AND spend_month = ?")) {
            statement.setString(1, projectId);
            statement.setString(2, month);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getBigDecimal(1) : BigDecimal.ZERO;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static void execute(Database database, String sql) {
        try (Connection connection = database.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
