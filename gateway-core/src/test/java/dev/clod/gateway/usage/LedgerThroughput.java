package dev.clod.gateway.usage;

import dev.clod.gateway.api.Usage;
import dev.clod.gateway.pricing.Cost;
import dev.clod.gateway.store.Database;
import dev.clod.gateway.store.TestDatabases;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Pushes records through the ledger into PostgreSQL ({@code CLOD_TEST_PG_URL}, a fresh schema per
 * run) from several threads and prints records per second. Not a test: run it by hand, e.g.
 * {@code java -cp … dev.clod.gateway.usage.LedgerThroughput [records] [threads]}.
 *
 * <p>Each run is one mode and one number of requests in flight per thread: a sync caller that waits
 * for its record before the next (1 in flight), sync with many requests waiting at once as a busy
 * gateway has them, and async. A run ends when every record is committed (close() drains), and the
 * run checks that the table holds them all.
 */
public final class LedgerThroughput {

    private LedgerThroughput() {}

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        System.out.printf(
                "%d records, %d threads, %d cores%n",
                records, threads, Runtime.getRuntime().availableProcessors());
        run(Durability.SYNC, records / 10, threads, 1);
        run(Durability.SYNC, records, threads, 64);
        run(Durability.ASYNC, records, threads, Integer.MAX_VALUE);
    }

    private static void run(Durability durability, int records, int threads, int inFlightPerThread) throws Exception {
        String run = Long.toString(System.nanoTime(), 36);
        try (Database database = Database.open(TestDatabases.postgresUrl(), 4)) {
            // Warm up the pool, the JIT and the server's plans on a few thousand records first.
            drive(database, durability, "warm-" + run, 5_000, threads, inFlightPerThread);
            long started = System.nanoTime();
            drive(database, durability, run, records, threads, inFlightPerThread);
            double seconds = (System.nanoTime() - started) / 1e9;
            long stored = LedgerDatabases.count(database, "SELECT COUNT(*) FROM usage_records") - 5_000;
            System.out.printf(
                    "%-5s in flight/thread %-10s %,9d records in %6.2f s = %,9.0f records/s (stored %,d)%n",
                    durability.configName(),
                    inFlightPerThread == Integer.MAX_VALUE ? "unbounded" : Integer.toString(inFlightPerThread),
                    records,
                    seconds,
                    records / seconds,
                    stored);
            if (stored != records) {
                throw new IllegalStateException("lost records: " + (records - stored));
            }
        }
    }

    private static void drive(
            Database database, Durability durability, String run, int records, int threads, int inFlightPerThread)
            throws Exception {
        LedgerSettings settings = LedgerSettings.defaults().withDurability(durability);
        try (JdbcUsageLedger ledger = new JdbcUsageLedger(database, settings, Clock.systemUTC())) {
            AtomicLong next = new AtomicLong();
            AtomicLong failed = new AtomicLong();
            List<Thread> callers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Thread caller = new Thread(() -> {
                    Semaphore window = new Semaphore(Math.min(inFlightPerThread, 1 << 20));
                    boolean bounded = inFlightPerThread != Integer.MAX_VALUE;
                    for (long i = next.getAndIncrement(); i < records; i = next.getAndIncrement()) {
                        if (bounded) {
                            window.acquireUninterruptibly();
                        }
                        CompletableFuture<Void> stage =
                                ledger.record(record(run + "-" + i)).toCompletableFuture();
                        stage.whenComplete((done, error) -> {
                            if (error != null) {
                                failed.incrementAndGet();
                            }
                            if (bounded) {
                                window.release();
                            }
                        });
                    }
                    if (bounded) {
                        window.acquireUninterruptibly(Math.min(inFlightPerThread, 1 << 20));
                    }
                });
                caller.start();
                callers.add(caller);
            }
            for (Thread caller : callers) {
                caller.join();
            }
            if (failed.get() > 0) {
                throw new IllegalStateException(failed.get() + " records failed");
            }
        }
    }

    private static UsageRecord record(String requestId) {
        BigDecimal price = new BigDecimal("0.000123456789");
        return new UsageRecord(
                requestId,
                Instant.now(),
                "key_" + (requestId.hashCode() & 15),
                "prj_" + (requestId.hashCode() & 3),
                "llama-3.1-8b",
                "llama-3.1-8b",
                "llama-3.1-8b@site-a",
                "simulated",
                "site-a",
                "price+latency",
                new Usage(812, 233, 0),
                new Cost(price, price, BigDecimal.ZERO),
                Duration.ofMillis(41),
                Duration.ofMillis(380),
                true,
                200,
                null,
                new BigDecimal("0.0000123"));
    }
}
