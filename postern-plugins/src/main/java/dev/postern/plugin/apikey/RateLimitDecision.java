package dev.postern.plugin.apikey;

import dev.postern.store.Row;
import java.time.Instant;

/**
 * How one verification affects a key's rate-limit counter (better-auth's {@code evaluateRateLimit}),
 * decided from the key as read; the store applies it atomically. The window runs from the key's last
 * request, as in better-auth: a request more than {@code rateLimitTimeWindow} after the previous one
 * starts a new window.
 */
sealed interface RateLimitDecision {

    /** No counting: rate limiting is off (still stamps {@code lastRequest} when {@code stamp}). */
    record Skip(boolean stamp) implements RateLimitDecision {
    }

    /** The first request the key ever served: count 1. */
    record Start() implements RateLimitDecision {
    }

    /** The window has passed: count 1 again, guarded on {@code lastRequest <= windowStart}. */
    record Reset(Instant windowStart) implements RateLimitDecision {
    }

    /** Inside the window and below the maximum: add one, guarded on the count still below {@code max}. */
    record Increment(Instant windowStart, long max) implements RateLimitDecision {
    }

    /** Inside the window and at the maximum. */
    record Deny(long tryAgainInMillis) implements RateLimitDecision {
    }

    static RateLimitDecision of(Row key, ApiKeyOptions options, Instant now) {
        if (!options.rateLimit().enabled() || Boolean.FALSE.equals(key.bool("rateLimitEnabled"))) {
            return new Skip(true);
        }
        Long window = key.number("rateLimitTimeWindow");
        Long max = key.number("rateLimitMax");
        if (window == null || max == null) {
            return new Skip(false);
        }
        Instant lastRequest = key.instant("lastRequest");
        if (lastRequest == null) {
            return new Start();
        }
        long sinceLast = now.toEpochMilli() - lastRequest.toEpochMilli();
        Instant windowStart = now.minusMillis(window);
        if (sinceLast > window) {
            return new Reset(windowStart);
        }
        long count = key.number("requestCount") == null ? 0 : key.number("requestCount");
        if (count >= max) {
            return new Deny(window - sinceLast);
        }
        return new Increment(windowStart, max);
    }
}
