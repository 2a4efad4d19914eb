package dev.clod.gateway.usage;

import static dev.clod.gateway.usage.LedgerDatabases.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clod.gateway.store.Database;
import dev.clod.gateway.usage.internal.BatchWriter;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.assertj.core.api.recursive.comparison.RecursiveComparisonConfiguration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JdbcUsageReaderTest {

    private static final List<UsageRecord> RECORDS = SampleRecords.varied(400, 42);
    private static final Instant START = SampleRecords.START;
    private static final Instant END = START.plus(Duration.ofDays(5));
    private static final List<String> PROJECT_FILTERS = java.util.Arrays.asList(null, "prj_a", "prj_b", "prj_c");

    /** Day-aligned ranges, over which raw and rolled-up records sum exactly. */
    private static final List<Instant[]> DAY_RANGES = List.of(
            new Instant[] {START, END},
            new Instant[] {START.plus(Duration.ofDays(1)), START.plus(Duration.ofDays(3))},
            new Instant[] {START.plus(Duration.ofDays(4)), END.plus(Duration.ofDays(30))});

    static Stream<Database.Kind> kinds() {
        return LedgerDatabases.kinds();
    }

    static Stream<Arguments> kindsAndGroups() {
        return LedgerDatabases.kinds()
                .flatMap(kind -> Stream.of(GroupBy.values()).map(groupBy -> Arguments.of(kind, groupBy)));
    }

    private static Database loaded(Database.Kind kind) throws Exception {
        Database database = LedgerDatabases.open(kind);
        BatchWriter writer = new BatchWriter(database);
        for (int from = 0; from < RECORDS.size(); from += 64) {
            writer.write(RECORDS.subList(from, Math.min(RECORDS.size(), from + 64)));
        }
        return database;
    }

    @ParameterizedTest
    @MethodSource("kindsAndGroups")
    void summariesEqualHandComputedSums(Database.Kind kind, GroupBy groupBy) throws Exception {
        List<Instant[]> ranges = new ArrayList<>(DAY_RANGES);
        ranges.add(new Instant[] {START.plus(Duration.ofHours(7)), START.plus(Duration.ofMinutes(50 * 60 + 17))});
        try (Database database = loaded(kind)) {
            JdbcUsageReader reader = new JdbcUsageReader(database);
            for (Instant[] range : ranges) {
                for (String project : PROJECT_FILTERS) {
                    UsageQuery query = new UsageQuery(range[0], range[1], groupBy, project);
                    assertSameRows(reader.summarize(query), expected(RECORDS, query));
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void rollingUpChangesNoSummaryAndRemovesRecordsFromTheLog(Database.Kind kind) throws Exception {
        Instant cutOff = START.plus(Duration.ofDays(3)).plusSeconds(5 * 3600);
        long older = RECORDS.stream().filter(r -> r.time().isBefore(cutOff)).count();
        try (Database database = loaded(kind)) {
            JdbcUsageReader reader = new JdbcUsageReader(database);
            Map<UsageQuery, List<UsageSummaryRow>> before = allSummaries(reader);

            assertThat(new UsageRollup(database, 50).rollUp(cutOff)).isEqualTo(older);
            assertThat(new UsageRollup(database).rollUp(cutOff)).isZero();

            assertThat(count(database, "SELECT COUNT(*) FROM usage_records")).isEqualTo(RECORDS.size() - older);
            assertThat(count(database, "SELECT COUNT(*) FROM usage_daily")).isPositive();
            before.forEach((query, rows) -> {
                // Unchanged, but for hours: a rolled-up day's requests become one row keyed by the day.
                assertSameRows(reader.summarize(query), expected(RECORDS, query, cutOff));
                assertSameRows(rows, expected(RECORDS, query));
            });
            assertThat(walk(reader, null, 100)).hasSize(RECORDS.size() - (int) older);
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void rollUpsRunTogetherMoveEachRecordOnce(Database.Kind kind) throws Exception {
        String url = LedgerDatabases.url(kind);
        Instant cutOff = START.plus(Duration.ofDays(4));
        long older = RECORDS.stream().filter(r -> r.time().isBefore(cutOff)).count();
        try (Database first = Database.open(url);
                Database second = Database.open(url)) {
            new BatchWriter(first).write(RECORDS);
            CountDownLatch go = new CountDownLatch(1);
            List<CompletableFuture<Integer>> runs = new ArrayList<>();
            for (Database instance : List.of(first, second)) {
                UsageRollup rollup = new UsageRollup(instance, 13);
                runs.add(CompletableFuture.supplyAsync(() -> {
                    awaitQuietly(go);
                    return rollup.rollUp(cutOff);
                }));
            }
            go.countDown();
            int moved = 0;
            for (CompletableFuture<Integer> run : runs) {
                moved += run.get(60, TimeUnit.SECONDS);
            }
            assertThat(moved).isEqualTo(older);
            JdbcUsageReader reader = new JdbcUsageReader(second);
            for (GroupBy groupBy : GroupBy.values()) {
                UsageQuery query = new UsageQuery(START, END, groupBy, null);
                assertSameRows(reader.summarize(query), expected(RECORDS, query, cutOff));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aProjectsQueriesNeverReturnAnotherProjectsRecords(Database.Kind kind) throws Exception {
        try (Database database = loaded(kind)) {
            JdbcUsageReader reader = new JdbcUsageReader(database);
            // Half rolled up, so both sources are checked.
            new UsageRollup(database).rollUp(START.plus(Duration.ofDays(2)));
            String foreignCursor = reader.requests("prj_b", null, 3).nextCursor();
            for (String project : List.of("prj_a", "prj_b", "prj_c")) {
                long own = RECORDS.stream()
                        .filter(r -> project.equals(r.projectId()))
                        .count();
                for (GroupBy groupBy : GroupBy.values()) {
                    List<UsageSummaryRow> rows = reader.summarize(new UsageQuery(START, END, groupBy, project));
                    assertThat(rows.stream()
                                    .mapToLong(UsageSummaryRow::requests)
                                    .sum())
                            .isEqualTo(own);
                    if (groupBy == GroupBy.PROJECT) {
                        assertThat(rows).extracting(UsageSummaryRow::key).containsExactly(project);
                    }
                }
                List<UsageRecord> log = walk(reader, project, 9);
                assertThat(log).isNotEmpty().allSatisfy(r -> assertThat(r.projectId())
                        .isEqualTo(project));
                assertThat(reader.requests(project, foreignCursor, 500).records())
                        .allSatisfy(r -> assertThat(r.projectId()).isEqualTo(project));
            }
            assertThat(reader.summarize(new UsageQuery(START, END, GroupBy.MODEL, "prj_unknown")))
                    .isEmpty();
            assertThat(reader.requests("prj_unknown", null, 10).records()).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void pagingWalksEveryRecordOnceNewestFirst(Database.Kind kind) throws Exception {
        try (Database database = loaded(kind)) {
            JdbcUsageReader reader = new JdbcUsageReader(database);
            for (int limit : new int[] {1, 7, 500}) {
                List<UsageRecord> walked = walk(reader, null, limit);
                assertThat(walked).extracting(UsageRecord::requestId).doesNotHaveDuplicates();
                assertThat(walked.stream().map(UsageRecord::requestId).collect(Collectors.toSet()))
                        .isEqualTo(RECORDS.stream().map(UsageRecord::requestId).collect(Collectors.toSet()));
                assertThat(walked).extracting(UsageRecord::time).isSortedAccordingTo(Comparator.reverseOrder());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void recordsReadBackAsWritten(Database.Kind kind) throws Exception {
        try (Database database = loaded(kind)) {
            Comparator<UsageRecord> byId = Comparator.comparing(UsageRecord::requestId);
            List<UsageRecord> read = new ArrayList<>(walk(new JdbcUsageReader(database), null, 500));
            read.sort(byId);
            List<UsageRecord> written = new ArrayList<>(RECORDS);
            written.sort(byId);
            assertThat(read)
                    .usingRecursiveComparison(RecursiveComparisonConfiguration.builder()
                            .withComparatorForType(
                                    Comparator.nullsFirst(Comparator.<BigDecimal>naturalOrder()), BigDecimal.class)
                            .build())
                    .isEqualTo(written);
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void badPagingArgumentsAreRefused(Database.Kind kind) {
        try (Database database = LedgerDatabases.open(kind)) {
            JdbcUsageReader reader = new JdbcUsageReader(database);
            assertThatThrownBy(() -> reader.requests(null, null, 0)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> reader.requests(null, null, 501)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> reader.requests(null, "not a cursor", 10))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("cursor");
        }
    }

    private static List<UsageRecord> walk(UsageReader reader, String project, int limit) {
        List<UsageRecord> walked = new ArrayList<>();
        String cursor = null;
        do {
            RequestPage page = reader.requests(project, cursor, limit);
            assertThat(page.records().size()).isLessThanOrEqualTo(limit);
            walked.addAll(page.records());
            cursor = page.nextCursor();
        } while (cursor != null);
        return walked;
    }

    private static Map<UsageQuery, List<UsageSummaryRow>> allSummaries(UsageReader reader) {
        Map<UsageQuery, List<UsageSummaryRow>> summaries = new java.util.LinkedHashMap<>();
        for (Instant[] range : DAY_RANGES) {
            for (GroupBy groupBy : GroupBy.values()) {
                for (String project : PROJECT_FILTERS) {
                    UsageQuery query = new UsageQuery(range[0], range[1], groupBy, project);
                    summaries.put(query, reader.summarize(query));
                }
            }
        }
        return summaries;
    }

    /** The summary computed from the records themselves, by the documented rules. */
    private static List<UsageSummaryRow> expected(List<UsageRecord> records, UsageQuery query) {
        return expected(records, query, Instant.MIN);
    }

    /** The summary once the records before {@code rolledUpBefore} are rolled up into daily sums. */
    private static List<UsageSummaryRow> expected(List<UsageRecord> records, UsageQuery query, Instant rolledUpBefore) {
        Function<UsageRecord, String> day =
                r -> LocalDate.ofInstant(r.time(), ZoneOffset.UTC).toString();
        Function<UsageRecord, String> key =
                switch (query.groupBy()) {
                    case MODEL -> r -> Objects.requireNonNullElse(r.model(), "");
                    case DAY -> day;
                    case HOUR ->
                        r -> r.time().isBefore(rolledUpBefore)
                                ? day.apply(r)
                                : r.time().truncatedTo(ChronoUnit.HOURS).toString();
                    case PROJECT -> r -> Objects.requireNonNullElse(r.projectId(), "");
                    case KEY -> r -> Objects.requireNonNullElse(r.keyId(), "");
                };
        Map<String, UsageSummaryRow> rows = new TreeMap<>();
        for (UsageRecord r : records) {
            if (r.time().isBefore(query.from())
                    || !r.time().isBefore(query.to())
                    || query.projectId() != null && !query.projectId().equals(r.projectId())) {
                continue;
            }
            UsageSummaryRow row = new UsageSummaryRow(
                    key.apply(r),
                    1,
                    r.succeeded() ? 0 : 1,
                    r.usage().promptTokens(),
                    r.usage().completionTokens(),
                    r.cost().userPrice(),
                    Objects.requireNonNullElse(r.energyKwh(), BigDecimal.ZERO));
            rows.merge(
                    row.key(),
                    row,
                    (a, b) -> new UsageSummaryRow(
                            a.key(),
                            a.requests() + b.requests(),
                            a.failedRequests() + b.failedRequests(),
                            a.promptTokens() + b.promptTokens(),
                            a.completionTokens() + b.completionTokens(),
                            a.costUsd().add(b.costUsd()),
                            a.energyKwh().add(b.energyKwh())));
        }
        return new ArrayList<>(rows.values());
    }

    private static void assertSameRows(List<UsageSummaryRow> actual, List<UsageSummaryRow> expected) {
        assertThat(normalized(actual)).isEqualTo(normalized(expected));
    }

    private static List<UsageSummaryRow> normalized(List<UsageSummaryRow> rows) {
        return rows.stream()
                .map(r -> new UsageSummaryRow(
                        r.key(),
                        r.requests(),
                        r.failedRequests(),
                        r.promptTokens(),
                        r.completionTokens(),
                        r.costUsd().setScale(12),
                        r.energyKwh().setScale(12)))
                .collect(Collectors.toList());
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
