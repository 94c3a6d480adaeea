package dev.postern.session;

import dev.postern.crypto.CookieCacheStrategy;
import java.time.Duration;
import java.util.Objects;

/**
 * The {@code session_data} cookie cache (better-auth's {@code session.cookieCache}): a signed or
 * encrypted copy of the session and user in a short-lived cookie, so most {@code get-session} calls are
 * answered without a database read. Off by default, as in better-auth.
 *
 * @param enabled whether the cache cookie is written and trusted
 * @param maxAge how long one cached copy is trusted, and the cookie's {@code Max-Age} (default 300 s)
 * @param strategy the encoding: {@code COMPACT} (default), {@code JWT} or {@code JWE}
 * @param version written into every cached copy; a copy with another version is ignored, so changing
 *     it invalidates every cache at once (default {@code "1"})
 */
public record CookieCacheSettings(boolean enabled, Duration maxAge, CookieCacheStrategy strategy, String version) {
    public static final Duration DEFAULT_MAX_AGE = Duration.ofSeconds(300);
    public static final String DEFAULT_VERSION = "1";

    public CookieCacheSettings {
        Objects.requireNonNull(maxAge, "cookieCache.maxAge");
        Objects.requireNonNull(strategy, "cookieCache.strategy");
        Objects.requireNonNull(version, "cookieCache.version");
        // Browsers cap cookie lifetimes at 400 days, and better-call refuses longer ones.
        if (maxAge.isNegative() || maxAge.isZero() || maxAge.compareTo(Duration.ofDays(400)) > 0) {
            throw new IllegalArgumentException("cookieCache.maxAge: between 1 second and 400 days, was " + maxAge);
        }
        if (version.isEmpty()) {
            throw new IllegalArgumentException("cookieCache.version: must not be empty");
        }
    }

    /** better-auth's defaults: disabled, 300 s, compact, version "1". */
    public static CookieCacheSettings disabled() {
        return new CookieCacheSettings(false, DEFAULT_MAX_AGE, CookieCacheStrategy.COMPACT, DEFAULT_VERSION);
    }

    /** The cache turned on with the default lifetime and version. */
    public static CookieCacheSettings enabled(CookieCacheStrategy strategy) {
        return new CookieCacheSettings(true, DEFAULT_MAX_AGE, strategy, DEFAULT_VERSION);
    }

    public CookieCacheSettings withMaxAge(Duration newMaxAge) {
        return new CookieCacheSettings(enabled, newMaxAge, strategy, version);
    }

    public CookieCacheSettings withVersion(String newVersion) {
        return new CookieCacheSettings(enabled, maxAge, strategy, newVersion);
    }
}
