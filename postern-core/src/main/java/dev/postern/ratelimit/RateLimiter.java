package dev.postern.ratelimit;

import dev.postern.Postern;
import dev.postern.PosternConfig;
import dev.postern.http.AuthRequest;
import dev.postern.http.AuthResponse;
import dev.postern.http.Headers;
import dev.postern.plugin.RateLimitRule;
import dev.postern.plugin.RequestInterceptor;
import dev.postern.security.ClientIp;
import dev.postern.store.Store;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Limits HTTP requests per client and path, as better-auth's {@code onRequestRateLimit}: the key is
 * {@code <ip>|<path>}, the limit comes from {@link RateLimitRules}, and the storage decides atomically.
 * A denied request gets better-auth 1.7.25's answer: {@code 429 Too Many Requests},
 * {@code X-Retry-After: <seconds>}, {@code {"message":"Too many requests. Please try again later."}}.
 *
 * <p>It runs first among request interceptors, for HTTP only: {@code postern.api()} calls are never limited.
 * When no client address can be determined the IP part of the key is {@code no-trusted-ip}, one bucket shared
 * by every such client on the path (logged once, because behind a misconfigured proxy that is everybody).
 */
public final class RateLimiter implements RequestInterceptor {
    public static final String NO_TRUSTED_IP = "no-trusted-ip";
    static final String MESSAGE_JSON = "{\"message\":\"Too many requests. Please try again later.\"}";
    private static final Logger LOG = LoggerFactory.getLogger(RateLimiter.class);

    private final RateLimitRules rules;
    private final RateLimitStorage storage;
    private final ClientIp clientIp;
    private final boolean ipTrackingDisabled;
    private final AtomicBoolean warnedAboutMissingIp = new AtomicBoolean();

    public RateLimiter(RateLimitRules rules, RateLimitStorage storage, ClientIp clientIp, boolean ipTrackingDisabled) {
        this.rules = rules;
        this.storage = storage;
        this.clientIp = clientIp;
        this.ipTrackingDisabled = ipTrackingDisabled;
    }

    /**
     * The limiter an instance with this configuration runs, or empty when rate limiting is disabled.
     *
     * @param pluginRules every enabled plugin's rules, in plugin order
     * @param store the primary store, used only for {@link RateLimitStorageType#DATABASE}
     */
    public static Optional<RateLimiter> forConfig(PosternConfig config, List<RateLimitRule> pluginRules, Store store) {
        RateLimitSettings settings = config.rateLimit();
        if (!settings.enabled()) {
            return Optional.empty();
        }
        RateLimitRules rules = new RateLimitRules(settings, pluginRules);
        return Optional.of(new RateLimiter(rules, storageFor(config, rules, store), ClientIp.from(config),
                config.ipAddress().disableIpTracking()));
    }

    private static RateLimitStorage storageFor(PosternConfig config, RateLimitRules rules, Store store) {
        RateLimitSettings settings = config.rateLimit();
        if (settings.customStorage().isPresent()) {
            return settings.customStorage().get();
        }
        RateLimitStorageType type = settings.storage().orElse(config.secondaryStorage().isPresent()
                ? RateLimitStorageType.SECONDARY_STORAGE : RateLimitStorageType.MEMORY);
        return switch (type) {
            case MEMORY -> new MemoryRateLimitStorage(config.clock(), settings.memoryMaxKeys());
            case DATABASE -> new DatabaseRateLimitStorage(store, config.clock(),
                    rules.windows().stream().max(Comparator.naturalOrder()).orElse(settings.window()));
            case SECONDARY_STORAGE -> new SecondaryStorageRateLimitStorage(config.secondaryStorage()
                    .orElseThrow(() -> new IllegalArgumentException("rateLimit.storage: SECONDARY_STORAGE needs "
                            + "a secondary storage; set PosternConfig.builder().secondaryStorage(...)")));
        };
    }

    @Override
    public AuthResponse intercept(AuthRequest request, String relativePath, Postern postern) {
        Optional<String> ip = clientIp.resolve(request);
        if (ip.isEmpty() && ipTrackingDisabled) {
            return null;
        }
        String path = withoutTrailingSlashes(relativePath);
        Optional<RateLimit> limit = rules.resolve(request, path);
        if (limit.isEmpty()) {
            return null;
        }
        if (ip.isEmpty() && warnedAboutMissingIp.compareAndSet(false, true)) {
            LOG.warn("Rate limiting could not determine a client IP, so clients without one share a bucket per "
                    + "path. Behind a proxy, set ipAddress.headers and ipAddress.trustedProxies "
                    + "(see docs/security.md).");
        }
        String key = ip.orElse(NO_TRUSTED_IP) + "|" + path;
        RateLimitDecision decision = storage.consume(key, limit.get());
        return decision.allowed() ? null : tooManyRequests(decision.retryAfterSeconds());
    }

    /** better-auth 1.7.25's 429, header for header; there is no {@code code} in the body. */
    static AuthResponse tooManyRequests(long retryAfterSeconds) {
        Headers headers = Headers.builder()
                .set("Content-Type", AuthResponse.JSON)
                .set("X-Retry-After", Long.toString(retryAfterSeconds))
                .build();
        return new AuthResponse(429, "Too Many Requests", headers, MESSAGE_JSON.getBytes(StandardCharsets.UTF_8));
    }

    private static String withoutTrailingSlashes(String path) {
        int end = path.length();
        while (end > 1 && path.charAt(end - 1) == '/') {
            end--;
        }
        return path.substring(0, end);
    }
}
