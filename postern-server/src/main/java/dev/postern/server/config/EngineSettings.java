package dev.postern.server.config;

import dev.postern.crypto.CookieCacheStrategy;
import dev.postern.ratelimit.RateLimitStorageType;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The engine settings the server exposes beyond the basics: rate limiting, client IP resolution and the
 * session cookie cache. Each field is empty when not configured, so the engine's own default applies.
 *
 * @param rateLimitEnabled {@code rateLimit.enabled} / {@code POSTERN_RATE_LIMIT_ENABLED} (on by default)
 * @param rateLimitWindow {@code rateLimit.window} seconds / {@code POSTERN_RATE_LIMIT_WINDOW}
 * @param rateLimitMax {@code rateLimit.max} / {@code POSTERN_RATE_LIMIT_MAX}
 * @param rateLimitCustomRules {@code rateLimit.customRules} (YAML only): path or glob → {@code {window, max}} or {@code false}
 * @param rateLimitStorage {@code rateLimit.storage} / {@code POSTERN_RATE_LIMIT_STORAGE}: memory, database
 * @param trustedProxies {@code ipAddress.trustedProxies} / {@code POSTERN_TRUSTED_PROXIES}: IPs and CIDRs
 * @param ipHeaders {@code ipAddress.headers} / {@code POSTERN_IP_HEADERS}: headers naming the client
 * @param cookieCache {@code session.cookieCache} / {@code POSTERN_SESSION_COOKIE_CACHE}: compact, jwt, jwe
 * @param mailTemplates {@code mailTemplates} / {@code POSTERN_MAIL_TEMPLATES}: e-mail templates read from a folder
 * @param redis {@code secondaryStorage.url} / {@code POSTERN_REDIS_URL}: Redis as secondary storage (rate-limit
 *     counters); checked when read, printed only masked
 * @param security origin/CSRF switches and CORS ({@code security.*}, {@code cors.*}, {@code POSTERN_DISABLE_*},
 *     {@code POSTERN_CORS_*}); the engine's safe defaults unless configured
 * @param storeSessionInDatabase {@code session.storeSessionInDatabase} /
 *     {@code POSTERN_SESSION_STORE_IN_DATABASE}: with Redis, also keep sessions in the table (off)
 * @param preserveSessionInDatabase {@code session.preserveSessionInDatabase} /
 *     {@code POSTERN_SESSION_PRESERVE_IN_DATABASE}: keep revoked rows, expired, for auditing (off)
 * @param verificationInDatabase {@code verification.storeInDatabase} /
 *     {@code POSTERN_VERIFICATION_STORE_IN_DATABASE}: with Redis, keep verification values in the table (off)
 */
public record EngineSettings(
        Optional<Boolean> rateLimitEnabled,
        Optional<Duration> rateLimitWindow,
        Optional<Integer> rateLimitMax,
        Optional<RateLimitStorageType> rateLimitStorage,
        java.util.Map<String, dev.postern.ratelimit.CustomRateLimitRule> rateLimitCustomRules,
        Optional<List<String>> trustedProxies,
        Optional<List<String>> ipHeaders,
        Optional<CookieCacheStrategy> cookieCache,
        Optional<dev.postern.mail.MailTemplates> mailTemplates,
        Optional<dev.postern.redis.RedisUrl> redis,
        dev.postern.security.SecuritySettings security,
        boolean storeSessionInDatabase,
        boolean preserveSessionInDatabase,
        boolean verificationInDatabase) {

    public static EngineSettings none() {
        return new EngineSettings(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), java.util.Map.of(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                dev.postern.security.SecuritySettings.defaults(), false, false, false);
    }
}
