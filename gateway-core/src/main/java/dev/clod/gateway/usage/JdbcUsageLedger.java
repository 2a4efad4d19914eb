package dev.clod.gateway.usage;

import dev.clod.gateway.store.Database;
import dev.clod.gateway.usage.internal.BatchWriter;
import dev.clod.gateway.usage.internal.RecordColumns;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The usage ledger: writes every {@link UsageRecord} to the database by group commit.
 *
 * <p>{@link #record} never blocks: it queues the record for one writer thread, which takes up to
 * {@code maxBatch} queued records at a time and writes them, with the spend they add to each
 * project's month, in one transaction (see {@link BatchWriter} for why a batch written twice counts
 * once). What the returned stage promises depends on {@link LedgerSettings#durability()}:
 *
 * <ul>
 *   <li>{@code SYNC}: it completes after the transaction holding the record committed, and fails if
 *       the batch still failed after {@value #ATTEMPTS} attempts with backoff; the gateway then
 *       withholds the answer.
 *   <li>{@code ASYNC}: it completes at once. The writer waits up to {@code maxDelay} for more records
 *       to share a transaction, so while the database keeps up a record is committed within {@code
 *       maxDelay} plus one batch's write. A batch that keeps failing stays in memory and is retried
 *       every {@link #ASYNC_RETRY_PAUSE} until it commits, with an error logged each time; it is lost
 *       only if the process dies first, which is what {@code async} accepts.
 * </ul>
 *
 * <p>A record that cannot be stored as it is (a field longer than its column), or that arrives while
 * {@value #DEFAULT_CAPACITY} records are already pending, fails its stage at once rather than being
 * dropped. {@link #close()} writes everything queued before it returns; records arriving after it
 * fail their stage.
 */
public final class JdbcUsageLedger implements UsageSink, AutoCloseable {

    /** How many records may wait for the database before new ones are refused. */
    public static final int DEFAULT_CAPACITY = 200_000;

    static final int ATTEMPTS = 5;
    static final Duration FIRST_BACKOFF = Duration.ofMillis(20);
    static final Duration ASYNC_RETRY_PAUSE = Duration.ofSeconds(1);

    private static final Logger LOG = LoggerFactory.getLogger(JdbcUsageLedger.class);
    private static final long IDLE_POLL_MILLIS = 100;

    /** A queued record; {@code committed} is null in ASYNC mode, where nobody waits. */
    private record Pending(UsageRecord record, Instant queuedAt, CompletableFuture<Void> committed) {}

    private final BatchWriter writer;
    private final LedgerSettings settings;
    private final Clock clock;
    private final int capacity;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    /** ASYNC records whose batch failed, oldest first; touched only by the writer thread. */
    private final ArrayDeque<Pending> backlog = new ArrayDeque<>();
    /** Records accepted and neither committed nor failed: queued, being written, or in the backlog. */
    private final AtomicLong pending = new AtomicLong();
    /** Callers inside {@link #record} right now; the writer stops only when none is, see {@link #finished}. */
    private final AtomicInteger entering = new AtomicInteger();

    private final Thread thread;
    private volatile boolean closed;
    /** The oldest record the writer holds outside the queue (being written or in the backlog). */
    private volatile Pending oldestHeld;

    private volatile Consumer<List<UsageRecord>> afterCommit = committed -> {};
    private volatile Consumer<Exception> afterFailedAttempt = failed -> {};

    public JdbcUsageLedger(Database database, LedgerSettings settings, Clock clock) {
        this(database, settings, clock, DEFAULT_CAPACITY);
    }

    JdbcUsageLedger(Database database, LedgerSettings settings, Clock clock, int capacity) {
        this.writer = new BatchWriter(Objects.requireNonNull(database, "database"));
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.capacity = capacity;
        this.thread = new Thread(this::run, "clod-usage-ledger");
        // close() drains; a daemon thread does not keep a JVM alive whose owner forgot to close.
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public CompletionStage<Void> record(UsageRecord record) {
        Objects.requireNonNull(record, "record");
        String problem = RecordColumns.problem(record);
        if (problem != null) {
            return CompletableFuture.failedFuture(new UsageLedgerException(problem));
        }
        entering.incrementAndGet();
        try {
            if (closed) {
                return CompletableFuture.failedFuture(new UsageLedgerException(
                        "the usage ledger is closed; request " + record.requestId() + " was not recorded"));
            }
            if (pending.incrementAndGet() > capacity) {
                pending.decrementAndGet();
                return CompletableFuture.failedFuture(new UsageLedgerException("the usage ledger is full ("
                        + capacity + " records wait for the database); request " + record.requestId()
                        + " was not recorded"));
            }
            CompletableFuture<Void> committed =
                    settings.durability() == Durability.SYNC ? new CompletableFuture<>() : null;
            queue.add(new Pending(record, clock.instant(), committed));
            return committed == null ? CompletableFuture.completedFuture(null) : committed;
        } finally {
            entering.decrementAndGet();
        }
    }

    /** Records accepted but not yet committed (or failed). */
    public long pendingRecords() {
        return pending.get();
    }

    /** How long the oldest pending record has waited; zero when none waits. */
    public Duration lag() {
        Pending oldest = oldestHeld;
        if (oldest == null) {
            oldest = queue.peek();
        }
        if (oldest == null) {
            return Duration.ZERO;
        }
        Duration waited = Duration.between(oldest.queuedAt(), clock.instant());
        return waited.isNegative() ? Duration.ZERO : waited;
    }

    /**
     * Writes everything accepted so far, then stops the writer. Records that still cannot be written
     * after {@value #ATTEMPTS} more attempts are logged one by one at error level, so they can be
     * entered again by hand.
     */
    @Override
    public void close() {
        closed = true;
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Called on the writer thread after each commit with the batch's records; for tests. */
    void afterCommit(Consumer<List<UsageRecord>> listener) {
        this.afterCommit = Objects.requireNonNull(listener);
    }

    /** Called on the writer thread after each failed attempt to write a batch; for tests. */
    void afterFailedAttempt(Consumer<Exception> listener) {
        this.afterFailedAttempt = Objects.requireNonNull(listener);
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(settings.maxBatch());
        int failuresSinceClose = 0;
        while (true) {
            batch.clear();
            if (!gather(batch)) {
                if (finished()) {
                    return;
                }
                continue;
            }
            oldestHeld = batch.get(0);
            boolean committed = writeWithRetries(batch);
            if (!committed && settings.durability() == Durability.ASYNC) {
                boolean stopping = closed;
                if (stopping && ++failuresSinceClose >= ATTEMPTS) {
                    abandon(batch);
                } else {
                    for (int i = batch.size() - 1; i >= 0; i--) {
                        backlog.addFirst(batch.get(i));
                    }
                    // Closing waits for these records, so retry them sooner than while serving.
                    pause(stopping ? FIRST_BACKOFF : ASYNC_RETRY_PAUSE);
                }
            }
            oldestHeld = backlog.peekFirst();
        }
    }

    /**
     * Fills {@code batch} from the backlog and the queue; false when nothing came within the idle
     * poll. An interrupt only cuts a wait short: whatever was taken is in {@code batch} and gets
     * written.
     */
    private boolean gather(List<Pending> batch) {
        int max = settings.maxBatch();
        while (batch.size() < max && !backlog.isEmpty()) {
            batch.add(backlog.pollFirst());
        }
        if (batch.isEmpty()) {
            Pending first = pollQuietly(TimeUnit.MILLISECONDS.toNanos(IDLE_POLL_MILLIS));
            if (first == null) {
                return false;
            }
            batch.add(first);
        }
        queue.drainTo(batch, max - batch.size());
        if (settings.durability() == Durability.ASYNC && !closed) {
            // Nobody waits for an async record, so let it wait up to maxDelay for company: fewer,
            // larger transactions. Measured from the time the writer saw it, so a record's wait is
            // bounded even if the clock is a test's fixed clock.
            long deadline = System.nanoTime() + settings.maxDelay().toNanos();
            while (batch.size() < max) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                Pending next = pollQuietly(left);
                if (next == null) {
                    break;
                }
                batch.add(next);
                queue.drainTo(batch, max - batch.size());
            }
        }
        return true;
    }

    private Pending pollQuietly(long nanos) {
        try {
            return queue.poll(nanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            // Nobody should interrupt the writer; if someone does, it keeps writing until closed.
            return null;
        }
    }

    /**
     * Whether the writer may stop: closed, nobody is inside {@link #record}, nothing queued or held.
     * Read in this order: a caller that saw {@code closed == false} raised {@code entering} before,
     * and lowers it only after queueing, so its record is seen by one of the later checks.
     */
    private boolean finished() {
        return closed && entering.get() == 0 && queue.isEmpty() && backlog.isEmpty();
    }

    private boolean writeWithRetries(List<Pending> batch) {
        List<UsageRecord> records = new ArrayList<>(batch.size());
        for (Pending entry : batch) {
            records.add(entry.record());
        }
        Duration backoff = FIRST_BACKOFF;
        SQLException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                writer.write(records);
                pending.addAndGet(-batch.size());
                for (Pending entry : batch) {
                    if (entry.committed() != null) {
                        entry.committed().complete(null);
                    }
                }
                notifyCommitted(records);
                return true;
            } catch (SQLException | RuntimeException failed) {
                last = failed instanceof SQLException sql ? sql : new SQLException(failed);
                notifyFailed(failed);
                if (attempt < ATTEMPTS) {
                    LOG.warn(
                            "writing {} usage records failed (attempt {} of {}), retrying in {} ms: {}",
                            records.size(),
                            attempt,
                            ATTEMPTS,
                            backoff.toMillis(),
                            failed.toString());
                    pause(backoff);
                    backoff = backoff.multipliedBy(2);
                }
            }
        }
        if (settings.durability() == Durability.SYNC) {
            LOG.error(
                    "writing {} usage records failed {} times; their answers are withheld",
                    records.size(),
                    ATTEMPTS,
                    last);
            UsageLedgerException failure = new UsageLedgerException(
                    "the usage ledger could not commit the batch after " + ATTEMPTS + " attempts", last);
            pending.addAndGet(-batch.size());
            for (Pending entry : batch) {
                entry.committed().completeExceptionally(failure);
            }
        } else {
            LOG.error(
                    "writing {} usage records failed {} times; keeping them in memory and retrying in {} s "
                            + "({} records pending)",
                    records.size(),
                    ATTEMPTS,
                    ASYNC_RETRY_PAUSE.toSeconds(),
                    pending.get(),
                    last);
        }
        return false;
    }

    private void abandon(List<Pending> batch) {
        LOG.error(
                "the usage ledger is closing and the database still fails: {} usage records were NOT stored;"
                        + " each follows",
                batch.size() + backlog.size());
        for (Pending entry : batch) {
            LOG.error("usage record NOT stored: {}", entry.record());
        }
        for (Pending entry : backlog) {
            LOG.error("usage record NOT stored: {}", entry.record());
        }
        pending.addAndGet(-(batch.size() + backlog.size()));
        backlog.clear();
        // Anything still queued is handled by the next rounds, which fail again and land here.
    }

    private void notifyCommitted(List<UsageRecord> records) {
        try {
            afterCommit.accept(records);
        } catch (RuntimeException listenerFailed) {
            LOG.warn("a commit listener failed", listenerFailed);
        }
    }

    private void notifyFailed(Exception failed) {
        try {
            afterFailedAttempt.accept(failed);
        } catch (RuntimeException listenerFailed) {
            LOG.warn("a failure listener failed", listenerFailed);
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
