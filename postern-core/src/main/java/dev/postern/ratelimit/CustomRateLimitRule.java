package dev.postern.ratelimit;

import dev.postern.http.AuthRequest;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code rateLimit.customRules} maps a path or glob to, as in better-auth: a fixed limit, no limit at
 * all ({@code false}), or a function of the request and the limit that would otherwise apply.
 */
public sealed interface CustomRateLimitRule {

    /** Requests on the path get this limit instead of the default, special or plugin one. */
    static CustomRateLimitRule limit(Duration window, int max) {
        return new Fixed(RateLimit.of(window, max));
    }

    /** Requests on the path are never limited (better-auth's {@code false}). */
    static CustomRateLimitRule disabled() {
        return Disabled.INSTANCE;
    }

    /**
     * The limit is decided per request: the function receives the request and the limit that would
     * apply otherwise, and returns the limit to enforce, or empty for none.
     */
    static CustomRateLimitRule computed(Function function) {
        return new Computed(function);
    }

    /** A fixed limit. */
    record Fixed(RateLimit limit) implements CustomRateLimitRule {
        public Fixed {
            Objects.requireNonNull(limit, "limit");
        }
    }

    /** No limit. */
    enum Disabled implements CustomRateLimitRule {
        INSTANCE
    }

    /** A limit decided per request. */
    record Computed(Function function) implements CustomRateLimitRule {
        public Computed {
            Objects.requireNonNull(function, "function");
        }
    }

    /** Decides the limit for one request; empty means the request is not limited. */
    @FunctionalInterface
    interface Function {
        Optional<RateLimit> apply(AuthRequest request, RateLimit current);
    }
}
