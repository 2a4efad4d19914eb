package dev.clod.gateway.account;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.clod.gateway.store.Database;
import dev.clod.gateway.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;

class KeyHashingTest {

    @ParameterizedTest
    @MethodSource("dev.clod.gateway.account.BothDatabases#kinds")
    void theSecretIsStoredOnlyAsItsHashAndNeverLogged(String kind) throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        root.addAppender(logs);
        try (Database database = Database.open(BothDatabases.url(kind), 2)) {
            JdbcAccountStore store = new JdbcAccountStore(database, new MutableClock(Instant.EPOCH));
            store.createProject(new NewProject("team a", null, null));
            IssuedKey issued = store.createKey(new NewKey("ci", "team a", 10, null));
            String secret = issued.secret();
            store.authenticate(secret);
            store.revokeKey(issued.key().id());
            store.authenticate(secret);

            // Only the display prefix may be stored: no longer piece of the secret's random part.
            String hidden = secret.substring(KeyMaterial.DISPLAY_PREFIX);
            List<String> forbidden = new ArrayList<>(List.of(secret, hidden));
            for (int start = 0; start + 8 <= hidden.length(); start += 8) {
                forbidden.add(hidden.substring(start, start + 8));
            }
            List<String> stored = everyStoredValue(database);
            assertThat(stored).isNotEmpty();
            for (String value : stored) {
                for (String piece : forbidden) {
                    assertThat(value).doesNotContain(piece);
                }
            }
            assertThat(stored).contains(sha256Hex(secret), issued.key().prefix());

            assertThat(issued.toString())
                    .doesNotContain(hidden)
                    .contains(issued.key().prefix());
            assertThat(issued.key().toString()).doesNotContain(hidden);
            assertThat(logs.list).isNotEmpty();
            for (ILoggingEvent event : logs.list) {
                assertThat(event.getFormattedMessage()).doesNotContain(hidden);
            }
        } finally {
            root.detachAppender(logs);
        }
    }

    /** Every non-null value of every column of every table in the store's schema, as text. */
    private static List<String> everyStoredValue(Database database) throws Exception {
        List<String> values = new ArrayList<>();
        try (Connection connection = database.dataSource().getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = meta.getTables(null, connection.getSchema(), "%", new String[] {"TABLE"})) {
                while (rows.next()) {
                    tables.add(rows.getString("TABLE_NAME"));
                }
            }
            assertThat(tables)
                    .extracting(name -> name.toLowerCase(Locale.ROOT))
                    .contains("projects", "api_keys", "rate_windows");
            for (String table : tables) {
                try (Statement statement = connection.createStatement();
                        ResultSet rows = statement.executeQuery("SELECT * FROM \"" + table + "\"")) {
                    int columns = rows.getMetaData().getColumnCount();
                    while (rows.next()) {
                        for (int column = 1; column <= columns; column++) {
                            String value = rows.getString(column);
                            if (value != null) {
                                values.add(value.strip());
                            }
                        }
                    }
                }
            }
        }
        return values;
    }

    private static String sha256Hex(String text) throws Exception {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
