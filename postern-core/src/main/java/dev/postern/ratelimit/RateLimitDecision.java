package dev.postern.ratelimit;

/**
 * The outcome of {@link RateLimitStorage#consume}: allowed, or denied with the whole seconds the client
 * should wait ({@code X-Retry-After}).
 */
public record RateLimitDecision(boolean allowed, long retryAfterSeconds) {
    private static final RateLimitDecision ALLOWED = new RateLimitDecision(true, 0);

    public static RateLimitDecision allow() {
        return ALLOWED;
    }

    public static RateLimitDecision deny(long retryAfterSeconds) {
        return new RateLimitDecision(false, retryAfterSeconds);
    }
}
