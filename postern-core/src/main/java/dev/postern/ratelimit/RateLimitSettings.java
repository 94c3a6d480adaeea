package dev.postern.ratelimit;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How HTTP requests are rate limited, with better-auth's {@code rateLimit.*} options and defaults, except
 * that limiting is <b>on by default in every environment</b> (better-auth enables it only in production).
 * Build one with {@link #builder()}, or take {@link #defaults()} or {@link #disabled()}.
 *
 * @param enabled whether requests are limited at all (default true)
 * @param window the default window (10 s)
 * @param max the default number of requests per client and path in a window (100)
 * @param storage where counts are kept; empty chooses secondary storage when one is configured, else memory
 * @param customRules exact paths or globs ({@code /sign-in/*}, {@code /admin/**}) relative to the base path,
 *     mapped to a limit, to no limit, or to a function; the first key that matches, in insertion order, wins
 * @param customStorage a storage of the application's own, which wins over {@code storage}
 * @param memoryMaxKeys the most keys memory storage holds before it evicts the oldest (100,000)
 */
public record RateLimitSettings(boolean enabled, Duration window, int max,
                                Optional<RateLimitStorageType> storage,
                                Map<String, CustomRateLimitRule> customRules,
                                Optional<RateLimitStorage> customStorage,
                                int memoryMaxKeys) {
    public static final Duration DEFAULT_WINDOW = Duration.ofSeconds(10);
    public static final int DEFAULT_MAX = 100;
    /** better-auth's cap on its in-memory store. */
    public static final int DEFAULT_MEMORY_MAX_KEYS = 100_000;

    public RateLimitSettings {
        new RateLimit(window, max); // checks both, with messages naming them
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(customStorage, "customStorage");
        customRules = Collections.unmodifiableMap(new LinkedHashMap<>(
                Objects.requireNonNull(customRules, "customRules")));
        customRules.forEach((path, rule) -> {
            if (path == null || !path.startsWith("/")) {
                throw new IllegalArgumentException("rateLimit.customRules: a path relative to the base path, "
                        + "starting with '/', was '" + path + "'");
            }
            Objects.requireNonNull(rule, "rateLimit.customRules[" + path + "]");
        });
        if (memoryMaxKeys < 1) {
            throw new IllegalArgumentException("rateLimit.memoryMaxKeys: must be at least 1, was " + memoryMaxKeys);
        }
    }

    /** On, 100 requests per 10 seconds, better-auth's special rules, in memory. */
    public static RateLimitSettings defaults() {
        return builder().build();
    }

    /** Off: no request is ever limited. What the test harness starts with. */
    public static RateLimitSettings disabled() {
        return builder().enabled(false).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The default limit, for paths no special, plugin or custom rule names. */
    public RateLimit defaultLimit() {
        return new RateLimit(window, max);
    }

    /** A builder holding these settings, to change a few of them. */
    public Builder toBuilder() {
        Builder b = new Builder().enabled(enabled).window(window).max(max).memoryMaxKeys(memoryMaxKeys);
        storage.ifPresent(b::storage);
        customStorage.ifPresent(b::customStorage);
        customRules.forEach(b::customRule);
        return b;
    }

    /** Collects rate-limit settings; every one starts at its default. */
    public static final class Builder {
        private boolean enabled = true;
        private Duration window = DEFAULT_WINDOW;
        private int max = DEFAULT_MAX;
        private RateLimitStorageType storage;
        private final Map<String, CustomRateLimitRule> customRules = new LinkedHashMap<>();
        private RateLimitStorage customStorage;
        private int memoryMaxKeys = DEFAULT_MEMORY_MAX_KEYS;

        private Builder() {
        }

        public Builder enabled(boolean enabled) {
            this.enabled = enabled;
            return this;
        }

        public Builder window(Duration window) {
            this.window = Objects.requireNonNull(window, "rateLimit.window");
            return this;
        }

        public Builder max(int max) {
            this.max = max;
            return this;
        }

        public Builder storage(RateLimitStorageType storage) {
            this.storage = Objects.requireNonNull(storage, "rateLimit.storage");
            return this;
        }

        /** A path ({@code /sign-in/email}) or glob ({@code /sign-in/*}, {@code /organization/**}) and its rule. */
        public Builder customRule(String pathOrGlob, CustomRateLimitRule rule) {
            customRules.put(Objects.requireNonNull(pathOrGlob, "rateLimit.customRules path"),
                    Objects.requireNonNull(rule, "rateLimit.customRules[" + pathOrGlob + "]"));
            return this;
        }

        /** Shorthand for {@code customRule(path, CustomRateLimitRule.limit(window, max))}. */
        public Builder customRule(String pathOrGlob, Duration window, int max) {
            return customRule(pathOrGlob, CustomRateLimitRule.limit(window, max));
        }

        public Builder customStorage(RateLimitStorage storage) {
            this.customStorage = Objects.requireNonNull(storage, "rateLimit.customStorage");
            return this;
        }

        public Builder memoryMaxKeys(int keys) {
            this.memoryMaxKeys = keys;
            return this;
        }

        public RateLimitSettings build() {
            return new RateLimitSettings(enabled, window, max, Optional.ofNullable(storage), customRules,
                    Optional.ofNullable(customStorage), memoryMaxKeys);
        }
    }
}
