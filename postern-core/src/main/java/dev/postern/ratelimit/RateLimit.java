package dev.postern.ratelimit;

import java.time.Duration;
import java.util.Objects;

/**
 * The limit that applies to one request: at most {@code max} requests per client in each {@code window}.
 * What {@link RateLimitRules} resolves for a path and what a {@link RateLimitStorage} enforces.
 */
public record RateLimit(Duration window, int max) {

    public RateLimit {
        Objects.requireNonNull(window, "window");
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window: must be positive, was " + window);
        }
        if (max < 1) {
            throw new IllegalArgumentException("max: must be at least 1, was " + max);
        }
    }

    public static RateLimit of(Duration window, int max) {
        return new RateLimit(window, max);
    }

    /** The window in whole seconds, rounded up: what secondary storage TTLs and retry hints are counted in. */
    public long windowSeconds() {
        long seconds = window.toSeconds();
        return window.toNanosPart() > 0 || seconds == 0 ? seconds + 1 : seconds;
    }
}
