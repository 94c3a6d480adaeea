package dev.postern.server.config;

import dev.postern.crypto.CookieCacheStrategy;
import dev.postern.ratelimit.CustomRateLimitRule;
import dev.postern.ratelimit.RateLimitStorageType;
import dev.postern.redis.RedisSecondaryStorage;
import dev.postern.redis.RedisUrl;
import dev.postern.security.CorsSettings;
import dev.postern.security.SecuritySettings;
import dev.postern.server.config.ConfigSource.Value;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/** Reads {@link EngineSettings} from the environment and {@code postern.yaml}, one clear line per mistake. */
final class EngineSettingsReader {
    private EngineSettingsReader() {
    }

    static EngineSettings read(ConfigSource source, java.util.function.Function<String, java.nio.file.Path> resolve) {
        return new EngineSettings(
                source.get("rateLimit.enabled", "POSTERN_RATE_LIMIT_ENABLED", "rateLimit.enabled").map(EngineSettingsReader::bool),
                source.get("rateLimit.window", "POSTERN_RATE_LIMIT_WINDOW", "rateLimit.window")
                        .map(v -> Duration.ofSeconds(positive(v))),
                source.get("rateLimit.max", "POSTERN_RATE_LIMIT_MAX", "rateLimit.max").map(v -> (int) positive(v)),
                source.get("rateLimit.storage", "POSTERN_RATE_LIMIT_STORAGE", "rateLimit.storage")
                        .map(EngineSettingsReader::storage),
                source.fromYaml("rateLimit.customRules", "rateLimit.customRules")
                        .map(EngineSettingsReader::customRules).orElse(java.util.Map.of()),
                source.get("ipAddress.trustedProxies", "POSTERN_TRUSTED_PROXIES", "ipAddress.trustedProxies")
                        .map(SettingValues::list),
                source.get("ipAddress.headers", "POSTERN_IP_HEADERS", "ipAddress.headers").map(SettingValues::list),
                source.get("session.cookieCache", "POSTERN_SESSION_COOKIE_CACHE", "session.cookieCache")
                        .map(EngineSettingsReader::cookieCache),
                source.get("mailTemplates", "POSTERN_MAIL_TEMPLATES", "mailTemplates")
                        .map(v -> MailTemplateFiles.load(resolve.apply(v.text()), v.key())),
                source.get("secondaryStorage.url", "POSTERN_REDIS_URL", "secondaryStorage.url")
                        .map(EngineSettingsReader::redisUrl),
                security(source),
                flag(source, "session.storeSessionInDatabase", "POSTERN_SESSION_STORE_IN_DATABASE"),
                flag(source, "session.preserveSessionInDatabase", "POSTERN_SESSION_PRESERVE_IN_DATABASE"),
                flag(source, "verification.storeInDatabase", "POSTERN_VERIFICATION_STORE_IN_DATABASE"));
    }

    private static boolean flag(ConfigSource source, String yamlKey, String variable) {
        return source.get(yamlKey, variable, yamlKey).map(EngineSettingsReader::bool).orElse(false);
    }

    /** The origin/CSRF switches and CORS settings; each unset key keeps the engine's safe default. */
    private static SecuritySettings security(ConfigSource source) {
        SecuritySettings security = SecuritySettings.defaults();
        Optional<Value> origin = source.get("security.disableOriginCheck", "POSTERN_DISABLE_ORIGIN_CHECK",
                "security.disableOriginCheck");
        if (origin.isPresent()) {
            Value value = origin.get();
            String text = value.text().toLowerCase(Locale.ROOT);
            if (value.raw() instanceof Boolean || text.equals("true") || text.equals("false")) {
                if (bool(value)) {
                    security = security.withOriginCheckDisabled();
                }
            } else {
                java.util.List<String> paths = SettingValues.list(value);
                if (paths.stream().anyMatch(p -> !p.startsWith("/"))) {
                    throw ConfigException.of(value.key(), "expected true, false or a list of paths such as "
                            + "/sso/callback, got \"" + value.text() + "\"");
                }
                security = security.withOriginCheckDisabledFor(paths);
            }
        }
        if (source.get("security.disableCsrfCheck", "POSTERN_DISABLE_CSRF_CHECK", "security.disableCsrfCheck")
                .map(EngineSettingsReader::bool).orElse(false)) {
            security = security.withCsrfCheckDisabled();
        }
        CorsSettings cors = CorsSettings.defaults();
        if (!source.get("cors.enabled", "POSTERN_CORS_ENABLED", "cors.enabled").map(EngineSettingsReader::bool).orElse(true)) {
            cors = CorsSettings.disabled();
        }
        Optional<Value> methods = source.get("cors.allowedMethods", "POSTERN_CORS_ALLOWED_METHODS", "cors.allowedMethods");
        if (methods.isPresent()) {
            cors = cors.withAllowedMethods(SettingValues.list(methods.get()));
        }
        Optional<Value> headers = source.get("cors.allowedHeaders", "POSTERN_CORS_ALLOWED_HEADERS", "cors.allowedHeaders");
        if (headers.isPresent()) {
            cors = cors.withAllowedHeaders(SettingValues.list(headers.get()));
        }
        Optional<Value> exposed = source.get("cors.exposedHeaders", "POSTERN_CORS_EXPOSED_HEADERS", "cors.exposedHeaders");
        if (exposed.isPresent()) {
            cors = cors.withExposedHeaders(SettingValues.list(exposed.get()));
        }
        Optional<Value> maxAge = source.get("cors.maxAge", "POSTERN_CORS_MAX_AGE", "cors.maxAge");
        if (maxAge.isPresent()) {
            cors = cors.withMaxAge(Duration.ofSeconds(positive(maxAge.get())));
        }
        return security.withCors(cors);
    }

    /**
     * {@code rateLimit.customRules}: a map from path or glob ({@code /sign-in/*}) to {@code {window, max}}
     * (seconds, count) or {@code false} to exempt the path. Function rules exist only in Java.
     */
    private static java.util.Map<String, CustomRateLimitRule> customRules(Value value) {
        if (!(value.raw() instanceof java.util.Map<?, ?> map)) {
            throw ConfigException.of(value.key(), "expected path: { window: <seconds>, max: <count> } or path: false pairs");
        }
        java.util.Map<String, CustomRateLimitRule> rules = new java.util.LinkedHashMap<>();
        map.forEach((rawPath, rawRule) -> {
            String path = String.valueOf(rawPath);
            String key = value.key() + " \"" + path + "\"";
            if (!path.startsWith("/")) {
                throw ConfigException.of(key, "a rule's path must start with /, e.g. /sign-in/*");
            }
            if (Boolean.FALSE.equals(rawRule)) {
                rules.put(path, CustomRateLimitRule.disabled());
            } else if (rawRule instanceof java.util.Map<?, ?> rule && rule.keySet().equals(java.util.Set.of("window", "max"))) {
                long window = positive(new Value(rule.get("window"), key + ".window"));
                long max = positive(new Value(rule.get("max"), key + ".max"));
                rules.put(path, CustomRateLimitRule.limit(Duration.ofSeconds(window), (int) max));
            } else {
                throw ConfigException.of(key, "expected { window: <seconds>, max: <count> } or false");
            }
        });
        return java.util.Map.copyOf(rules);
    }

    static boolean bool(Value value) {
        if (value.raw() instanceof Boolean b) {
            return b;
        }
        return switch (value.text().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw ConfigException.of(value.key(), "expected true or false, got \"" + value.text() + "\"");
        };
    }

    private static long positive(Value value) {
        try {
            long n = value.raw() instanceof Number num ? num.longValue() : Long.parseLong(value.text());
            if (n > 0 && n <= Integer.MAX_VALUE) {
                return n;
            }
        } catch (NumberFormatException e) {
            // same message as an out-of-range number
        }
        throw ConfigException.of(value.key(), "expected a positive whole number, got \"" + value.text() + "\"");
    }

    private static RateLimitStorageType storage(Value value) {
        return switch (value.text().toLowerCase(Locale.ROOT)) {
            case "memory" -> RateLimitStorageType.MEMORY;
            case "database" -> RateLimitStorageType.DATABASE;
            case "secondary-storage" -> RateLimitStorageType.SECONDARY_STORAGE;
            default -> throw ConfigException.of(value.key(),
                    "expected memory, database or secondary-storage, got \"" + value.text() + "\"");
        };
    }

    /** Parsed now, so a bad URL stops start-up naming the key; the message carries the URL masked. */
    private static RedisUrl redisUrl(Value value) {
        try {
            return RedisUrl.parse(value.text(), RedisSecondaryStorage.DEFAULT_COMMAND_TIMEOUT);
        } catch (IllegalArgumentException e) {
            throw ConfigException.of(value.key(), e.getMessage() + "; expected redis://[:password@]host:port[/db], "
                    + "rediss://... (TLS), redis-sentinel://host:26379,...#master or redis-cluster://host:port,...");
        }
    }

    private static CookieCacheStrategy cookieCache(Value value) {
        Optional<CookieCacheStrategy> strategy = CookieCacheStrategy.fromWireName(value.text().toLowerCase(Locale.ROOT));
        return strategy.orElseThrow(() -> ConfigException.of(value.key(),
                "expected compact, jwt or jwe, got \"" + value.text() + "\""));
    }
}
