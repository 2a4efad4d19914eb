package dev.clod.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

class DatabaseTest {

    @Test
    void opensAndMigratesH2() throws Exception {
        try (Database database = Database.open(TestDatabases.h2Url())) {
            assertThat(database.kind()).isEqualTo(Database.Kind.H2);
            assertThat(appliedMigrations(database)).isPositive();
        }
    }

    @Test
    void opensAndMigratesPostgres() throws Exception {
        try (Database database = Database.open(TestDatabases.postgresUrl())) {
            assertThat(database.kind()).isEqualTo(Database.Kind.POSTGRESQL);
            assertThat(appliedMigrations(database)).isPositive();
        }
    }

    @Test
    void migratingTwiceChangesNothing() throws Exception {
        String url = TestDatabases.h2Url();
        int first;
        try (Database database = Database.open(url)) {
            first = appliedMigrations(database);
        }
        try (Database database = Database.open(url)) {
            assertThat(appliedMigrations(database)).isEqualTo(first);
        }
    }

    @Test
    void refusesOtherDatabases() {
        assertThatThrownBy(() -> Database.open("jdbc:mysql://localhost/clod"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jdbc:h2:")
                .hasMessageContaining("jdbc:postgresql:");
    }

    private static int appliedMigrations(Database database) throws Exception {
        try (Connection connection = database.dataSource().getConnection();
                ResultSet rows = connection
                        .createStatement()
                        .executeQuery("SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"success\" = TRUE")) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
