package dev.postern.server;

import dev.postern.Postern;
import dev.postern.PosternConfig;
import dev.postern.plugin.Plugin;
import dev.postern.schema.SchemaModel;
import dev.postern.mail.Mailer;
import dev.postern.ratelimit.RateLimitSettings;
import dev.postern.security.IpAddressSettings;
import dev.postern.server.config.ConfigException;
import dev.postern.server.config.EngineSettings;
import dev.postern.session.CookieCacheSettings;
import dev.postern.session.SessionSettings;
import dev.postern.server.config.ServerSettings;
import dev.postern.smtp.SmtpMailer;
import dev.postern.smtp.SmtpSettings;
import dev.postern.server.plugins.PluginRegistry;
import dev.postern.store.StoreProvider;
import dev.postern.redis.RedisSecondaryStorage;
import dev.postern.storage.SecondaryStorage;
import java.util.List;
import java.util.Optional;

/**
 * Turns {@link ServerSettings} into the library's {@link PosternConfig}: the one place where server
 * configuration meets the engine, shared by {@code serve}, {@code migrate}, {@code generate},
 * {@code doctor} and {@code users}.
 */
public final class PosternAssembly {
    /** Signs nothing: stands in where a command needs the schema but never serves a request. */
    private static final String SCHEMA_ONLY_SECRET = "schema-only-placeholder-never-used-to-sign";
    private static final StoreProvider NO_DATABASE = schema -> {
        throw new IllegalStateException("a schema-only configuration has no database");
    };

    private PosternAssembly() {
    }

    public static PosternConfig config(ServerSettings settings, List<Plugin> plugins, StoreProvider database,
                                       String secret) {
        return config(settings, plugins, database, secret, Optional.empty());
    }

    /**
     * The configuration for serving requests, with the secondary storage the caller opened through
     * {@link #secondaryStorage} (and closes when it stops).
     */
    public static PosternConfig config(ServerSettings settings, List<Plugin> plugins, StoreProvider database,
                                       String secret, Optional<? extends SecondaryStorage> secondaryStorage) {
        PosternConfig.Builder builder = PosternConfig.builder()
                .baseUrl(settings.baseUrl())
                .secret(secret)
                .database(database)
                .plugins(plugins)
                .trustedOrigins(settings.trustedOrigins())
                .production(settings.production());
        // With versioned secrets the ring signs and verifies; a plain secret beside it stays the legacy one.
        settings.secrets().ifPresent(ring -> {
            builder.secrets(ring);
            builder.secret(settings.secret().orElse(secret));
        });
        settings.smtp().ifPresent(smtp -> builder.mailer(mailer(settings, smtp)));
        applyEngineSettings(settings.engine(), builder);
        secondaryStorage.ifPresent(builder::secondaryStorage);
        return builder.build();
    }

    /**
     * The Redis secondary storage {@code POSTERN_REDIS_URL} names, if any, not yet connected: it connects on
     * first use and reconnects by itself, so a Redis that is down at start-up is a warning, not a failure.
     * The caller closes it.
     */
    public static Optional<RedisSecondaryStorage> secondaryStorage(ServerSettings settings) {
        return settings.engine().redis()
                .map(url -> new RedisSecondaryStorage(url, RedisSecondaryStorage.DEFAULT_COMMAND_TIMEOUT));
    }

    private static void applyEngineSettings(EngineSettings engine, PosternConfig.Builder builder) {
        RateLimitSettings.Builder rateLimit = RateLimitSettings.defaults().toBuilder();
        engine.rateLimitEnabled().ifPresent(rateLimit::enabled);
        engine.rateLimitWindow().ifPresent(rateLimit::window);
        engine.rateLimitMax().ifPresent(rateLimit::max);
        engine.rateLimitStorage().ifPresent(rateLimit::storage);
        engine.rateLimitCustomRules().forEach(rateLimit::customRule);
        builder.rateLimit(rateLimit.build());
        IpAddressSettings ip = IpAddressSettings.defaults();
        if (engine.ipHeaders().isPresent()) {
            ip = ip.withHeaders(engine.ipHeaders().get());
        }
        if (engine.trustedProxies().isPresent()) {
            try {
                ip = ip.withTrustedProxies(engine.trustedProxies().get());
            } catch (IllegalArgumentException e) {
                throw ConfigException.of("POSTERN_TRUSTED_PROXIES", e.getMessage());
            }
        }
        builder.ipAddress(ip);
        engine.mailTemplates().ifPresent(builder::mailTemplates);
        builder.security(engine.security());
        SessionSettings.Builder session = SessionSettings.defaults().toBuilder()
                .storeInDatabase(engine.storeSessionInDatabase())
                .preserveInDatabase(engine.preserveSessionInDatabase());
        engine.cookieCache().ifPresent(strategy -> session.cookieCache(CookieCacheSettings.enabled(strategy)));
        builder.session(session.build());
        builder.verificationInDatabase(engine.verificationInDatabase());
    }

    /** Without SMTP settings the core's default mailer stays: it logs messages instead of sending them. */
    private static Mailer mailer(ServerSettings settings, SmtpSettings smtp) {
        try {
            return new SmtpMailer(smtp);
        } catch (IllegalArgumentException e) {
            // SmtpMailer checks the sender address; anything else it refuses was checked when loading.
            throw ConfigException.of(settings.keyOf("smtp.from", "POSTERN_SMTP_FROM"), "expected an e-mail address "
                    + "such as \"Postern <no-reply@example.com>\", got \"" + smtp.from() + "\"");
        }
    }

    /** The schema the configured plugins need, without touching any database. */
    public static SchemaModel schema(ServerSettings settings, PluginRegistry registry) {
        return Postern.schemaOf(config(settings, registry.create(settings), NO_DATABASE, SCHEMA_ONLY_SECRET));
    }

    /** Where endpoints are reached from outside, {@code https://auth.example.com/api/auth}, as the core derives it. */
    public static String authUrl(ServerSettings settings) {
        return config(settings, List.of(), NO_DATABASE, SCHEMA_ONLY_SECRET).authUrl();
    }

    /** {@code email-password, session, user, two-factor}, or {@code none}: for start-up lines and {@code doctor}. */
    public static String describePlugins(ServerSettings settings, PluginRegistry registry) {
        return registry.describe(settings);
    }
}
