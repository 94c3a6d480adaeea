package dev.postern.bench;

import dev.postern.Postern;
import dev.postern.PosternConfig;
import dev.postern.crypto.CookieSigner;
import dev.postern.http.AuthRequest;
import dev.postern.http.AuthResponse;
import dev.postern.jdbc.JdbcStoreProvider;
import dev.postern.jdbc.JdbcStores;
import dev.postern.jdbc.migration.Migrator;
import dev.postern.plugin.Plugin;
import dev.postern.plugin.emailpassword.EmailPasswordPlugin;
import dev.postern.plugin.session.SessionPlugin;
import dev.postern.plugin.user.UserPlugin;
import dev.postern.ratelimit.RateLimitSettings;
import dev.postern.session.AuthCookies;
import dev.postern.session.CookieCacheSettings;
import dev.postern.session.Session;
import dev.postern.session.SessionSettings;
import dev.postern.store.Row;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A real Postern for benchmarks: a migrated SQLite file in a temporary folder, the three plugins every
 * server runs (session, email-password, user), one user with one session, and the {@code Cookie} header
 * a browser would send for it. Rate limiting is off: a benchmark calls the same endpoint from the same
 * address millions of times.
 */
final class BenchPostern implements AutoCloseable {
    static final String SECRET = "postern-bench-secret-that-is-long-enough-0123456789";

    private final Path folder;
    private final JdbcStoreProvider provider;
    private final Postern postern;
    private final Session session;
    private final String sessionCookie;

    private BenchPostern(CookieCacheSettings cookieCache, List<Plugin> extraPlugins) {
        try {
            folder = Files.createTempDirectory("postern-jmh");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        provider = JdbcStores.fromUrl("sqlite:" + folder.resolve("bench.db"));
        postern = Postern.create(PosternConfig.builder()
                .baseUrl("http://localhost:3000")
                .secret(SECRET)
                .database(provider)
                .plugins(plugins(extraPlugins))
                .session(SessionSettings.builder().cookieCache(cookieCache).build())
                .rateLimit(RateLimitSettings.disabled())
                .build());
        new Migrator(provider.dataSource(), provider.dialect(), postern.schema()).migrate();
        Row user = postern.users().create(Map.of("name", "Bench User", "email", "bench@example.com"));
        session = postern.sessions().createWithoutCookies(user, "127.0.0.1", "jmh", true);
        String name = postern.sessions().cookies().name(AuthCookies.SESSION_TOKEN);
        sessionCookie = name + "=" + new CookieSigner(postern.config().secrets()).sign(session.token());
    }

    private static List<Plugin> plugins(List<Plugin> extra) {
        List<Plugin> all = new ArrayList<>(List.of(new SessionPlugin(), new EmailPasswordPlugin(), new UserPlugin()));
        all.addAll(extra);
        return all;
    }

    /** An instance that reads every session from the database. */
    static BenchPostern withoutCookieCache() {
        return new BenchPostern(CookieCacheSettings.disabled(), List.of());
    }

    /** An instance without cookie cache and with {@code extraPlugins} besides the core three. */
    static BenchPostern withPlugins(Plugin... extraPlugins) {
        return new BenchPostern(CookieCacheSettings.disabled(), List.of(extraPlugins));
    }

    /** An instance with better-auth's {@code session_data} cookie cache on, in the given format. */
    static BenchPostern withCookieCache(CookieCacheSettings cookieCache) {
        return new BenchPostern(cookieCache, List.of());
    }

    Postern postern() {
        return postern;
    }

    Session session() {
        return session;
    }

    /** {@code better-auth.session_token=<signed token>}. */
    String sessionCookie() {
        return sessionCookie;
    }

    /** Fails set-up, rather than measuring an error path, when a response is not a 200. */
    static AuthResponse requireOk(AuthResponse response, String what) {
        if (response.status() != 200) {
            throw new IllegalStateException(what + " answered " + response.status() + ": " + response.bodyText());
        }
        return response;
    }

    static AuthRequest get(String path, String cookie) {
        AuthRequest.Builder builder = AuthRequest.builder("GET", path).clientAddress("127.0.0.1");
        if (cookie != null) {
            builder.header("Cookie", cookie);
        }
        return builder.build();
    }

    @Override
    public void close() {
        postern.close();
        provider.close();
        try (var files = Files.walk(folder)) {
            files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
