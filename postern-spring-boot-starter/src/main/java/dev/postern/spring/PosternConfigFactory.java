package dev.postern.spring;

import dev.postern.PosternConfig;
import dev.postern.crypto.CookieCacheStrategy;
import dev.postern.plugin.Plugin;
import dev.postern.plugin.PluginFactory;
import dev.postern.ratelimit.RateLimitSettings;
import dev.postern.ratelimit.RateLimitStorageType;
import dev.postern.session.CookieCacheSettings;
import dev.postern.session.SessionSettings;
import dev.postern.store.StoreProvider;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Turns {@link PosternProperties} into a {@link PosternConfig}: the one place where Spring's properties
 * meet the engine. Plugins are enabled by id through the {@link PluginFactory}s on the class path, as the
 * standalone server enables them, so {@code postern.plugins.<id>} takes the options {@code postern.yaml}
 * takes; plugins the application declares as beans come after them. Spring drops an empty map
 * ({@code bearer: {}}), so a plugin without options is enabled with {@code bearer: { enabled: true }};
 * {@code enabled} is the starter's key, passed on only to the always-enabled core plugins, for which it
 * is an option of their own.
 */
final class PosternConfigFactory {
    private PosternConfigFactory() {
    }

    static PosternConfig.Builder builder(PosternProperties properties, StoreProvider database,
                                         List<Plugin> pluginBeans, ClassLoader classLoader) {
        PosternConfig.Builder builder = PosternConfig.builder().database(database);
        if (properties.getSecrets() != null && !properties.getSecrets().isBlank()) {
            builder.secrets(properties.getSecrets());
        }
        if (properties.getSecret() != null) {
            builder.secret(properties.getSecret());
        }
        if (properties.getBaseUrl() != null) {
            builder.baseUrl(properties.getBaseUrl());
        }
        if (properties.getAppName() != null) {
            builder.appName(properties.getAppName());
        }
        builder.basePath(properties.getBasePath())
                .trustedOrigins(properties.getTrustedOrigins())
                .production(properties.isProduction())
                .rateLimit(rateLimit(properties.getRateLimit()))
                .session(session(properties.getSession()));
        List<Plugin> plugins = new ArrayList<>(plugins(properties.getPlugins(), classLoader));
        plugins.addAll(pluginBeans);
        return builder.plugins(plugins);
    }

    /** The always-enabled core plugins, then the configured ones in their order, each with its options. */
    static List<Plugin> plugins(Map<String, Map<String, Object>> configured, ClassLoader classLoader) {
        Map<String, PluginFactory> factories = new LinkedHashMap<>();
        ServiceLoader.load(PluginFactory.class, classLoader).forEach(f -> factories.putIfAbsent(f.id(), f));
        List<String> ids = new ArrayList<>();
        factories.values().stream().filter(PluginFactory::alwaysEnabled).map(PluginFactory::id).sorted()
                .forEach(ids::add);
        configured.forEach((id, options) -> {
            if (!ids.contains(id) && PluginOptionValues.enabled(options)) {
                ids.add(id);
            }
        });
        List<Plugin> plugins = new ArrayList<>();
        for (String id : ids) {
            PluginFactory factory = factories.get(id);
            if (factory == null) {
                throw new IllegalArgumentException("postern.plugins: unknown plugin \"" + id + "\"; installed: "
                        + factories.keySet());
            }
            try {
                plugins.add(factory.create(PluginOptionValues.normalize(configured.get(id), factory.alwaysEnabled())));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("postern.plugins." + id + ": " + e.getMessage(), e);
            }
        }
        return plugins;
    }

    private static RateLimitSettings rateLimit(PosternProperties.RateLimit properties) {
        RateLimitSettings.Builder rateLimit = RateLimitSettings.defaults().toBuilder();
        if (properties.getEnabled() != null) {
            rateLimit.enabled(properties.getEnabled());
        }
        if (properties.getWindow() != null) {
            rateLimit.window(properties.getWindow());
        }
        if (properties.getMax() != null) {
            rateLimit.max(properties.getMax());
        }
        if (properties.getStorage() != null) {
            rateLimit.storage(rateLimitStorage(properties.getStorage()));
        }
        return rateLimit.build();
    }

    private static RateLimitStorageType rateLimitStorage(String name) {
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "memory" -> RateLimitStorageType.MEMORY;
            case "database" -> RateLimitStorageType.DATABASE;
            case "secondary-storage" -> RateLimitStorageType.SECONDARY_STORAGE;
            default -> throw new IllegalArgumentException("postern.rate-limit.storage: expected memory, database "
                    + "or secondary-storage, got \"" + name + "\"");
        };
    }

    private static SessionSettings session(PosternProperties.Session properties) {
        SessionSettings.Builder session = SessionSettings.defaults().toBuilder();
        if (properties.getExpiresIn() != null) {
            session.expiresIn(properties.getExpiresIn());
        }
        if (properties.getUpdateAge() != null) {
            session.updateAge(properties.getUpdateAge());
        }
        if (properties.getFreshAge() != null) {
            session.freshAge(properties.getFreshAge());
        }
        if (properties.getDisableRefresh() != null) {
            session.disableRefresh(properties.getDisableRefresh());
        }
        String strategy = properties.getCookieCacheStrategy();
        if (strategy != null && !strategy.isBlank()) {
            CookieCacheStrategy chosen = CookieCacheStrategy.fromWireName(strategy.trim()).orElseThrow(() ->
                    new IllegalArgumentException("postern.session.cookie-cache-strategy: expected compact, jwt "
                            + "or jwe, got \"" + strategy + "\""));
            CookieCacheSettings cache = CookieCacheSettings.enabled(chosen);
            if (properties.getCookieCacheMaxAge() != null) {
                cache = cache.withMaxAge(properties.getCookieCacheMaxAge());
            }
            session.cookieCache(cache);
        }
        return session.build();
    }
}
