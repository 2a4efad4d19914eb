package dev.clod.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clod.gateway.account.ApiKey;
import dev.clod.gateway.account.BothDatabases;
import dev.clod.gateway.account.KeyOwner;
import dev.clod.gateway.api.RateLimitException;
import dev.clod.gateway.store.Database;
import dev.clod.gateway.testing.MutableClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Two gateway instances — two pools, one database — share one per-minute budget of requests. */
class SharedLimitsTest {

    private static final int RPM = 40;
    private static final int THREADS_PER_INSTANCE = 4;
    private static final int ATTEMPTS_PER_THREAD = 25;

    @ParameterizedTest
    @MethodSource("dev.clod.gateway.account.BothDatabases#kinds")
    void instancesTogetherAdmitExactlyRpmRequestsAMinute(String kind) throws Exception {
        String url = BothDatabases.url(kind);
        MutableClock clock = new MutableClock(Instant.parse("2024-08-10T12:00:30Z"));
        ExecutorService threads = Executors.newFixedThreadPool(2 * THREADS_PER_INSTANCE);
        try (Database first = Database.open(url, THREADS_PER_INSTANCE);
                Database second = Database.open(url, THREADS_PER_INSTANCE)) {
            List<JdbcLimits> instances = List.of(new JdbcLimits(first, clock), new JdbcLimits(second, clock));
            KeyOwner owner = new KeyOwner(
                    new ApiKey("key_shared", "shared", null, "sk-clod-abcd", RPM, null, Instant.EPOCH, null), null);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<int[]>> results = new ArrayList<>();
            for (int t = 0; t < 2 * THREADS_PER_INSTANCE; t++) {
                JdbcLimits limits = instances.get(t % 2);
                results.add(threads.submit(() -> {
                    start.await();
                    int admitted = 0;
                    int refused = 0;
                    for (int i = 0; i < ATTEMPTS_PER_THREAD; i++) {
                        try {
                            limits.admit(owner);
                            admitted++;
                        } catch (RateLimitException limited) {
                            refused++;
                        }
                    }
                    return new int[] {admitted, refused};
                }));
            }
            start.countDown();
            int admitted = 0;
            int refused = 0;
            for (Future<int[]> result : results) {
                int[] counts = result.get(60, TimeUnit.SECONDS);
                admitted += counts[0];
                refused += counts[1];
            }

            assertThat(admitted).isEqualTo(RPM);
            assertThat(refused).isEqualTo(2 * THREADS_PER_INSTANCE * ATTEMPTS_PER_THREAD - RPM);
        } finally {
            threads.shutdownNow();
        }
    }
}
