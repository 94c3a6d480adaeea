package dev.postern.storage;

import java.util.Optional;

/**
 * A key-value store with expiry shared by every instance (Redis, say), shaped like better-auth's
 * {@code secondaryStorage}: {@code get}, {@code set(key, value, ttl)}, {@code delete},
 * {@code increment(key, ttl)}. Postern keeps rate-limit counters in it when configured.
 * Implementations must be thread-safe, and {@link #increment} atomic.
 */
public interface SecondaryStorage {

    /** The value stored under {@code key}, unless absent or expired. */
    Optional<String> get(String key);

    /** Stores {@code value} under {@code key}; it expires after {@code ttlSeconds}, or never when 0. */
    void set(String key, String value, long ttlSeconds);

    void delete(String key);

    /**
     * Removes {@code key} and returns the value it held, atomically (Redis {@code GETDEL}): of several
     * concurrent callers, exactly one gets the value. Single-use tokens are redeemed with it.
     */
    Optional<String> getAndDelete(String key);

    /**
     * Adds one to the counter under {@code key} and returns the new count, atomically. A missing or expired
     * key starts at 1 and expires {@code ttlSeconds} later; incrementing does not extend the expiry, so
     * counts fall into fixed windows (Redis {@code INCR} then {@code EXPIRE NX}).
     */
    long increment(String key, long ttlSeconds);
}
