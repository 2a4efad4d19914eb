package dev.clod.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clod.gateway.api.Usage;
import dev.clod.gateway.config.StoreSettings;
import dev.clod.gateway.pricing.Cost;
import dev.clod.gateway.store.TestDatabases;
import dev.clod.gateway.testing.MutableClock;
import dev.clod.gateway.usage.GroupBy;
import dev.clod.gateway.usage.UsageQuery;
import dev.clod.gateway.usage.UsageRecord;
import dev.clod.gateway.usage.UsageSummaryRow;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ServerStoreTest {

    @Test
    void housekeepingRollsUpRecordsOlderThanTheRetentionWithoutChangingTheSums() throws Exception {
        String url = TestDatabases.h2Url();
        MutableClock clock = new MutableClock(Instant.parse("2026-11-01T12:00:00Z"));
        StoreSettings settings = new StoreSettings(url, true, Duration.ofMillis(50), Duration.ofDays(30));
        try (ServerStore store = ServerStore.open(settings, clock)) {
            store.ledger()
                    .record(record("old", clock.instant()))
                    .toCompletableFuture()
                    .get(10, TimeUnit.SECONDS);
            clock.advance(Duration.ofDays(40));
            store.ledger()
                    .record(record("new", clock.instant()))
                    .toCompletableFuture()
                    .get(10, TimeUnit.SECONDS);
            UsageQuery everything = new UsageQuery(
                    Instant.parse("2026-01-01T00:00:00Z"), clock.instant().plusSeconds(1), GroupBy.MODEL, null);
            List<UsageSummaryRow> before = store.usage().summarize(everything);

            store.keepHouse();

            assertThat(store.usage().summarize(everything))
                    .usingRecursiveComparison()
                    .withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                    .isEqualTo(before);
            assertThat(before.get(0).requests()).isEqualTo(2);
            assertThat(count(url, "SELECT COUNT(*) FROM usage_records")).isEqualTo(1);
            assertThat(count(url, "SELECT COUNT(*) FROM usage_daily")).isEqualTo(1);
        }
    }

    private static UsageRecord record(String id, Instant time) {
        return new UsageRecord(
                id,
                time,
                null,
                null,
                "m",
                "m",
                "m/sim",
                "sim",
                null,
                "price",
                new Usage(10, 5, 0),
                new Cost(new BigDecimal("0.001"), new BigDecimal("0.001"), BigDecimal.ZERO),
                Duration.ofMillis(5),
                Duration.ofMillis(10),
                false,
                200,
                null);
    }

    private static int count(String url, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(url);
                ResultSet rows = connection.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
