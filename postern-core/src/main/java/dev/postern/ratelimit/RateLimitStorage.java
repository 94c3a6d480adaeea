package dev.postern.ratelimit;

/**
 * Counts requests per key and decides, in one atomic step, whether one more is allowed: better-auth's
 * {@code rateLimit.customStorage.consume(key, rule)}. Implementations must be safe under concurrent calls
 * for the same key; a check followed by a separate write would let a burst through.
 */
@FunctionalInterface
public interface RateLimitStorage {

    /**
     * Records one request under {@code key} ({@code <ip>|<path>}) if {@code limit} allows it.
     *
     * @return allowed, or denied with the seconds until a retry can succeed
     */
    RateLimitDecision consume(String key, RateLimit limit);
}
