package dev.clod.gateway.usage;

import static dev.clod.gateway.usage.LedgerDatabases.count;
import static dev.clod.gateway.usage.LedgerDatabases.spend;
import static dev.clod.gateway.usage.SampleRecords.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clod.gateway.store.Database;
import dev.clod.gateway.usage.internal.BatchWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class JdbcUsageLedgerTest {

    private static final Instant T = Instant.parse("2024-08-31T23:59:59.123456Z");
    private static final Clock CLOCK = Clock.fixed(T, ZoneOffset.UTC);
    /** Bounds every wait, so a broken ledger fails the test instead of hanging it. */
    private static final long WAIT_SECONDS = 30;

    static java.util.stream.Stream<Database.Kind> kinds() {
        return LedgerDatabases.kinds();
    }

    private static LedgerSettings settings(Durability durability, int maxBatch) {
        return new LedgerSettings(durability, Duration.ofMillis(50), maxBatch);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aSyncStageCompletesOnlyOnceAnotherConnectionSeesTheRecord(Database.Kind kind) throws Exception {
        try (Database database = LedgerDatabases.open(kind);
                JdbcUsageLedger ledger = new JdbcUsageLedger(database, settings(Durability.SYNC, 16), CLOCK)) {
            ExecutorService callers = Executors.newFixedThreadPool(4);
            List<CompletableFuture<Long>> seenWhenCompleted = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String id = "req-" + i;
                CompletableFuture<CompletableFuture<Long>> submitted = CompletableFuture.supplyAsync(
                        () -> ledger.record(record(id, T, "prj_a", "0.01"))
                                .toCompletableFuture()
                                .thenApply(done ->
                                        count(database, "SELECT COUNT(*) FROM usage_records WHERE request_id = ?", id)),
                        callers);
                seenWhenCompleted.add(submitted.thenCompose(stage -> stage));
            }
            for (CompletableFuture<Long> seen : seenWhenCompleted) {
                assertThat(seen.get(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo(1L);
            }
            callers.shutdown();
            assertThat(spend(database, "prj_a", "2024-08")).isEqualByComparingTo("2.00");
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void anAsyncStageCompletesAtOnceAndTheRecordIsCommittedSoonAfter(Database.Kind kind) throws Exception {
        try (Database database = LedgerDatabases.open(kind);
                JdbcUsageLedger ledger = new JdbcUsageLedger(database, settings(Durability.ASYNC, 500), CLOCK)) {
            CountDownLatch committed = new CountDownLatch(20);
            ledger.afterCommit(records -> records.forEach(record -> committed.countDown()));
            for (int i = 0; i < 20; i++) {
                assertThat(ledger.record(record("req-" + i, T, "prj_a", "0.5")).toCompletableFuture())
                        .isCompleted();
            }
            assertThat(committed.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
            assertThat(count(database, "SELECT COUNT(*) FROM usage_records")).isEqualTo(20);
            assertThat(spend(database, "prj_a", "2024-08")).isEqualByComparingTo("10");
            assertThat(ledger.pendingRecords()).isZero();
            assertThat(ledger.lag()).isZero();
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void closeWritesEverythingQueued(Database.Kind kind) throws Exception {
        for (Durability durability : Durability.values()) {
            try (Database database = LedgerDatabases.open(kind)) {
                JdbcUsageLedger ledger = new JdbcUsageLedger(database, settings(durability, 50), CLOCK);
                List<CompletableFuture<Void>> stages = new ArrayList<>();
                for (int i = 0; i < 3000; i++) {
                    stages.add(ledger.record(record("req-" + i, T, "prj_a", "0.001"))
                            .toCompletableFuture());
                }
                ledger.close();
                assertThat(stages).allSatisfy(stage -> assertThat(stage).isCompleted());
                assertThat(count(database, "SELECT COUNT(*) FROM usage_records"))
                        .isEqualTo(3000);
                assertThat(spend(database, "prj_a", "2024-08")).isEqualByComparingTo("3");
                assertThat(ledger.pendingRecords()).isZero();
                assertThatThrownBy(() -> ledger.record(record("late", T, "prj_a", "1"))
                                .toCompletableFuture()
                                .join())
                        .isInstanceOf(CompletionException.class)
                        .hasCauseInstanceOf(UsageLedgerException.class)
                        .hasMessageContaining("closed");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void syncStagesFailWhenTheDatabaseIsGone(Database.Kind kind) {
        Database database = LedgerDatabases.open(kind);
        try (JdbcUsageLedger ledger = new JdbcUsageLedger(database, settings(Durability.SYNC, 50), CLOCK)) {
            database.close();
            CompletableFuture<Void> stage =
                    ledger.record(record("req-1", T, "prj_a", "1")).toCompletableFuture();
            assertThatThrownBy(() -> stage.get(WAIT_SECONDS, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(UsageLedgerException.class)
                    .hasMessageContaining("could not commit");
            assertThat(ledger.pendingRecords()).isZero();
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void asyncRecordsOutliveAFailingDatabaseAndAreWrittenWhenItRecovers(Database.Kind kind) throws Exception {
        try (Database database = LedgerDatabases.open(kind);
                JdbcUsageLedger ledger = new JdbcUsageLedger(database, settings(Durability.ASYNC, 500), CLOCK)) {
            // Without this table every batch's transaction fails.
            LedgerDatabases.execute(database, "ALTER TABLE project_spend RENAME TO project_spend_away");
            CountDownLatch failedOnce = new CountDownLatch(1);
            CountDownLatch committed = new CountDownLatch(30);
            ledger.afterFailedAttempt(failed -> failedOnce.countDown());
            ledger.afterCommit(records -> records.forEach(record -> committed.countDown()));
            for (int i = 0; i < 30; i++) {
                assertThat(ledger.record(record("req-" + i, T, "prj_a", "1")).toCompletableFuture())
                        .isCompletedWithValue(null);
            }
            assertThat(failedOnce.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
            assertThat(ledger.pendingRecords()).isEqualTo(30);
            assertThat(ledger.lag()).isGreaterThanOrEqualTo(Duration.ZERO);

            LedgerDatabases.execute(database, "ALTER TABLE project_spend_away RENAME TO project_spend");
            assertThat(committed.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
            assertThat(count(database, "SELECT COUNT(*) FROM usage_records")).isEqualTo(30);
            assertThat(spend(database, "prj_a", "2024-08")).isEqualByComparingTo("30");
            assertThat(ledger.pendingRecords()).isZero();
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aRecordThatDoesNotFitFailsAloneAndAtOnce(Database.Kind kind) throws Exception {
        try (Database database = LedgerDatabases.open(kind);
                JdbcUsageLedger ledger = new JdbcUsageLedger(database, settings(Durability.ASYNC, 500), CLOCK)) {
            CompletableFuture<Void> bad =
                    ledger.record(record("x".repeat(65), T, "prj_a", "1")).toCompletableFuture();
            assertThat(bad).isCompletedExceptionally();
            assertThatThrownBy(bad::join)
                    .hasCauseInstanceOf(UsageLedgerException.class)
                    .hasMessageContaining("requestId");
            assertThat(ledger.record(record("ok", T, "prj_a", "1")).toCompletableFuture())
                    .isCompleted();
            ledger.close();
            assertThat(count(database, "SELECT COUNT(*) FROM usage_records")).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aFullLedgerRefusesRecordsInsteadOfDroppingThem(Database.Kind kind) {
        Database database = LedgerDatabases.open(kind);
        database.close();
        // Async records whose writes fail stay pending, so the ledger fills up.
        try (JdbcUsageLedger ledger = new JdbcUsageLedger(database, settings(Durability.ASYNC, 500), CLOCK, 3)) {
            List<CompletableFuture<Void>> stages = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                stages.add(ledger.record(record("req-" + i, T, "prj_a", "1")).toCompletableFuture());
            }
            assertThat(stages.subList(0, 3))
                    .allSatisfy(stage -> assertThat(stage).isCompletedWithValue(null));
            assertThat(stages.subList(3, 5)).allSatisfy(stage -> assertThatThrownBy(stage::join)
                    .hasCauseInstanceOf(UsageLedgerException.class)
                    .hasMessageContaining("full"));
            assertThat(ledger.pendingRecords()).isEqualTo(3);
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aRequestRecordedTwiceIsStoredAndChargedOnce(Database.Kind kind) throws Exception {
        for (Durability durability : Durability.values()) {
            try (Database database = LedgerDatabases.open(kind)) {
                try (JdbcUsageLedger ledger = new JdbcUsageLedger(database, settings(durability, 500), CLOCK)) {
                    // Twice in one batch (queued together) ...
                    CompletableFuture<Void> first =
                            ledger.record(record("dup", T, "prj_a", "1")).toCompletableFuture();
                    CompletableFuture<Void> second =
                            ledger.record(record("dup", T, "prj_a", "1")).toCompletableFuture();
                    first.get(WAIT_SECONDS, TimeUnit.SECONDS);
                    second.get(WAIT_SECONDS, TimeUnit.SECONDS);
                    // ... and again in a later one, with another price: the first record wins.
                    ledger.record(record("dup", T, "prj_a", "7"))
                            .toCompletableFuture()
                            .get(WAIT_SECONDS, TimeUnit.SECONDS);
                    ledger.record(record("other", T, "prj_a", "2"))
                            .toCompletableFuture()
                            .get(WAIT_SECONDS, TimeUnit.SECONDS);
                }
                assertThat(count(database, "SELECT COUNT(*) FROM usage_records"))
                        .isEqualTo(2);
                assertThat(spend(database, "prj_a", "2024-08")).isEqualByComparingTo("3");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void writingABatchAgainAfterAnUncertainCommitAddsNothing(Database.Kind kind) throws Exception {
        try (Database database = LedgerDatabases.open(kind)) {
            BatchWriter writer = new BatchWriter(database);
            List<UsageRecord> batch = List.of(
                    record("a", T, "prj_a", "1.25"),
                    record("b", T.plusSeconds(1), "prj_a", "2"), // September in UTC
                    record("c", T, null, "4"));
            assertThat(writer.write(batch)).isEqualTo(3);
            List<UsageRecord> retried = new ArrayList<>(batch);
            retried.add(record("d", T, "prj_b", "8"));
            assertThat(writer.write(retried)).isEqualTo(1);
            assertThat(count(database, "SELECT COUNT(*) FROM usage_records")).isEqualTo(4);
            assertThat(spend(database, "prj_a", "2024-08")).isEqualByComparingTo("1.25");
            assertThat(spend(database, "prj_a", "2024-09")).isEqualByComparingTo("2");
            assertThat(spend(database, "prj_b", "2024-08")).isEqualByComparingTo("8");
            assertThat(count(database, "SELECT COUNT(*) FROM project_spend")).isEqualTo(3);
        }
    }
}
