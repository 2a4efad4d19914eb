package dev.clod.gateway.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Recently authenticated keys by secret hash, each kept for a short time. Only hits are cached: a
 * flood of wrong secrets must not fill memory.
 *
 * <p>An eviction is never undone by a lookup that read the database before it: a load records the
 * eviction count before reading and drops what it cached if an eviction happened meanwhile.
 */
final class OwnerCache {

    private static final int MAX_ENTRIES = 10_000;

    private record Entry(KeyOwner owner, Instant expires) {}

    private final ConcurrentMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong evictions = new AtomicLong();
    private final Clock clock;
    private final Duration ttl;

    OwnerCache(Clock clock, Duration ttl) {
        this.clock = clock;
        this.ttl = ttl;
    }

    Optional<KeyOwner> get(String hash, Function<String, Optional<KeyOwner>> load) {
        Instant now = clock.instant();
        Entry cached = entries.get(hash);
        if (cached != null && now.isBefore(cached.expires())) {
            return Optional.of(cached.owner());
        }
        long evictionsBefore = evictions.get();
        Optional<KeyOwner> loaded = load.apply(hash);
        if (loaded.isEmpty()) {
            entries.remove(hash);
            return loaded;
        }
        if (entries.size() >= MAX_ENTRIES) {
            entries.values().removeIf(entry -> !now.isBefore(entry.expires()));
        }
        if (entries.size() < MAX_ENTRIES) {
            entries.put(hash, new Entry(loaded.get(), now.plus(ttl)));
            if (evictions.get() != evictionsBefore) {
                entries.remove(hash);
            }
        }
        return loaded;
    }

    /** Forgets the key with this id; call after its revocation is committed. */
    void evictKey(String keyId) {
        evictions.incrementAndGet();
        entries.values().removeIf(entry -> entry.owner().key().id().equals(keyId));
    }
}
