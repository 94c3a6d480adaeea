package dev.postern.ratelimit;

/**
 * What is stored per key ({@code rateLimit} row or memory entry): requests counted in the current window
 * and when the last allowed one arrived, in epoch milliseconds.
 */
public record RequestCount(long count, long lastRequest) {

    /** Whether the window that began counting has passed, so the next request starts a new one. */
    boolean windowPassed(RateLimit limit, long now) {
        return now - lastRequest >= limit.window().toMillis();
    }

    /**
     * Seconds until a denied client may try again, rounded up: the window runs from the last allowed
     * request, as better-auth counts it.
     */
    long retryAfterSeconds(RateLimit limit, long now) {
        long waitMillis = lastRequest + limit.window().toMillis() - now;
        return Math.max(0, Math.ceilDiv(waitMillis, 1000L));
    }
}
