package dev.postern.server.config;

import dev.postern.crypto.CookieCacheStrategy;
import dev.postern.ratelimit.RateLimitStorageType;
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
                source.get("ipAddress.trustedProxies", "POSTERN_TRUSTED_PROXIES", "ipAddress.trustedProxies")
                        .map(SettingValues::list),
                source.get("ipAddress.headers", "POSTERN_IP_HEADERS", "ipAddress.headers").map(SettingValues::list),
                source.get("session.cookieCache", "POSTERN_SESSION_COOKIE_CACHE", "session.cookieCache")
                        .map(EngineSettingsReader::cookieCache),
                source.get("mailTemplates", "POSTERN_MAIL_TEMPLATES", "mailTemplates")
                        .map(v -> MailTemplateFiles.load(resolve.apply(v.text()), v.key())));
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

    private static CookieCacheStrategy cookieCache(Value value) {
        Optional<CookieCacheStrategy> strategy = CookieCacheStrategy.fromWireName(value.text().toLowerCase(Locale.ROOT));
        return strategy.orElseThrow(() -> ConfigException.of(value.key(),
                "expected compact, jwt or jwe, got \"" + value.text() + "\""));
    }
}
