package dev.postern.storage;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link SecondaryStorage} inside this process: for tests, and for a single instance that wants the
 * secondary-storage code paths without running Redis. Expired keys vanish on read and in a sweep every few
 * thousand writes, so abandoned keys do not pile up.
 */
public final class InMemorySecondaryStorage implements SecondaryStorage {
    private static final int SWEEP_EVERY_WRITES = 4096;
    private static final long NEVER = Long.MAX_VALUE;

    private record Value(String text, long expiresAt) {
        boolean liveAt(long now) {
            return now < expiresAt;
        }
    }

    private final Clock clock;
    private final ConcurrentHashMap<String, Value> values = new ConcurrentHashMap<>();
    private final AtomicInteger writesSinceSweep = new AtomicInteger();

    public InMemorySecondaryStorage() {
        this(Clock.systemUTC());
    }

    public InMemorySecondaryStorage(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Optional<String> get(String key) {
        long now = clock.millis();
        Value value = values.get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.liveAt(now)) {
            values.remove(key, value);
            return Optional.empty();
        }
        return Optional.of(value.text());
    }

    @Override
    public void set(String key, String value, long ttlSeconds) {
        values.put(key, new Value(value, expiry(ttlSeconds)));
        afterWrite();
    }

    @Override
    public void delete(String key) {
        values.remove(key);
    }

    @Override
    public Optional<String> getAndDelete(String key) {
        Value value = values.remove(key);
        return value != null && value.liveAt(clock.millis()) ? Optional.of(value.text()) : Optional.empty();
    }

    @Override
    public long increment(String key, long ttlSeconds) {
        long now = clock.millis();
        Value next = values.compute(key, (k, old) -> {
            if (old == null || !old.liveAt(now)) {
                return new Value("1", expiry(ttlSeconds));
            }
            long count = parseCount(old.text()) + 1;
            return new Value(Long.toString(count), old.expiresAt());
        });
        afterWrite();
        return Long.parseLong(next.text());
    }

    /** How many keys are held, expired ones not yet swept included. */
    public int size() {
        return values.size();
    }

    private long expiry(long ttlSeconds) {
        if (ttlSeconds < 0) {
            throw new IllegalArgumentException("ttlSeconds: must not be negative, was " + ttlSeconds);
        }
        return ttlSeconds == 0 ? NEVER : clock.millis() + ttlSeconds * 1000;
    }

    /** A value that is not a number counts as 0, as Redis would refuse it; a counter key holds only numbers. */
    private static long parseCount(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private void afterWrite() {
        if (writesSinceSweep.incrementAndGet() >= SWEEP_EVERY_WRITES) {
            writesSinceSweep.set(0);
            long now = clock.millis();
            values.entrySet().removeIf(e -> !e.getValue().liveAt(now));
        }
    }
}
