package dev.postern.ratelimit;

import dev.postern.storage.SecondaryStorage;

/**
 * Counts with the secondary storage's atomic {@code increment(key, window)}, as better-auth does: a fixed
 * window that starts with the first request and expires with the key, requests allowed while the count is at
 * most {@code max}, and a denied client told to wait a whole window. One round trip per request, safe across
 * any number of instances.
 */
public final class SecondaryStorageRateLimitStorage implements RateLimitStorage {
    private final SecondaryStorage storage;

    public SecondaryStorageRateLimitStorage(SecondaryStorage storage) {
        this.storage = storage;
    }

    @Override
    public RateLimitDecision consume(String key, RateLimit limit) {
        long count = storage.increment(key, limit.windowSeconds());
        return count <= limit.max()
                ? RateLimitDecision.allow()
                : RateLimitDecision.deny(limit.windowSeconds());
    }
}
