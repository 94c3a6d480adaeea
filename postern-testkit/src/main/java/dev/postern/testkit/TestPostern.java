package dev.postern.testkit;

import dev.postern.Postern;
import dev.postern.PosternConfig;
import dev.postern.jdbc.JdbcStoreProvider;
import dev.postern.jdbc.JdbcStores;
import dev.postern.jdbc.migration.Migrator;
import dev.postern.jetty.PosternJettyServer;
import dev.postern.plugin.Plugin;
import dev.postern.ratelimit.RateLimitSettings;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A real Postern for tests, in one line: a fresh database of the chosen kind, migrated; the instance;
 * and a Jetty server on a free port of 127.0.0.1. Plugin tests read like a user's session:
 *
 * <pre>{@code
 * try (TestPostern auth = TestPostern.start(TestDatabase.POSTGRES, new TwoFactorPlugin())) {
 *     TestClient client = auth.client();
 *     client.postJson("/sign-up/email", Map.of(...)).assertStatus(200);
 * }
 * }</pre>
 *
 * Rate limiting is off unless a test turns it on:
 * {@code TestPostern.builder().configure(b -> b.rateLimit(RateLimitSettings.defaults()))}.
 * Closing it stops the server, closes the pool and drops the database, unless the database was handed
 * in with {@link Builder#database(TestDatabase.Instance)}: then its owner drops it, so a test can stop an
 * instance and start another on the same rows (a restart with a new secret, say).
 */
public final class TestPostern implements AutoCloseable {
    /** The secret every test instance uses; long enough for production rules. */
    public static final String SECRET = "postern-test-secret-that-is-long-enough-0123456789";

    private final TestDatabase.Instance database;
    private final boolean ownsDatabase;
    private final JdbcStoreProvider storeProvider;
    private final Postern postern;
    private final PosternJettyServer server;

    private TestPostern(Builder options) {
        this.ownsDatabase = options.existing == null;
        this.database = ownsDatabase ? options.database.create() : options.existing;
        JdbcStoreProvider provider = null;
        Postern instance = null;
        try {
            provider = JdbcStores.fromUrl(database.url());
            PosternJettyServer started = null;
            // The base URL names the port, so it is chosen before the server binds it; another process can
            // take it in between (parallel builds on one machine), and then the next free port is tried.
            for (int attempt = 1; started == null; attempt++) {
                int port = FreePort.find();
                PosternConfig.Builder builder = PosternConfig.builder()
                        .baseUrl("http://127.0.0.1:" + port)
                        .database(provider)
                        .plugins(options.plugins)
                        // Tests sign in over and over; one that checks rate limiting turns it back on itself.
                        .rateLimit(RateLimitSettings.disabled());
                options.applySecrets(builder);
                options.customizer.accept(builder);
                PosternConfig config = builder.build();
                instance = Postern.create(config);
                new Migrator(provider.dataSource(), provider.dialect(), instance.schema()).migrate();
                try {
                    started = PosternJettyServer.start(instance, "127.0.0.1", port);
                } catch (IllegalStateException bindFailed) {
                    if (attempt == 5 || !(bindFailed.getCause() instanceof java.io.IOException)) {
                        throw bindFailed;
                    }
                    instance.close();
                    instance = null;
                }
            }
            this.server = started;
        } catch (RuntimeException | Error e) {
            if (instance != null) {
                instance.close();
            }
            if (provider != null) {
                provider.close();
            }
            if (ownsDatabase) {
                database.drop();
            }
            throw e;
        }
        this.storeProvider = provider;
        this.postern = instance;
    }

    /** An instance on SQLite with these plugins. */
    public static TestPostern start(Plugin... plugins) {
        return start(TestDatabase.SQLITE, plugins);
    }

    public static TestPostern start(TestDatabase database, Plugin... plugins) {
        return builder().database(database).plugins(plugins).start();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Postern postern() {
        return postern;
    }

    /** The server's origin, e.g. {@code http://127.0.0.1:41234}. */
    public URI origin() {
        return server.uri();
    }

    /** {@code origin + basePath}: prefix for raw HTTP calls. */
    public String authUrl() {
        return postern.config().authUrl();
    }

    public TestDatabase.Instance database() {
        return database;
    }

    public JdbcStoreProvider storeProvider() {
        return storeProvider;
    }

    /** A fresh HTTP client with its own cookie jar, sending this server's origin as {@code Origin}. */
    public TestClient client() {
        return new TestClient(authUrl(), postern.config().origin());
    }

    @Override
    public void close() {
        try {
            server.close();
        } finally {
            try {
                postern.close();
            } finally {
                storeProvider.close();
                if (ownsDatabase) {
                    database.drop();
                }
            }
        }
    }

    /** Options for {@link TestPostern}; every one has a sensible default. */
    public static final class Builder {
        private TestDatabase database = TestDatabase.SQLITE;
        private TestDatabase.Instance existing;
        private String secret;
        private String secrets;
        private final List<Plugin> plugins = new ArrayList<>();
        private Consumer<PosternConfig.Builder> customizer = b -> { };

        public Builder database(TestDatabase database) {
            this.database = database;
            return this;
        }

        /**
         * Runs on a database the test created ({@code TestDatabase.SQLITE.create()}) and drops itself;
         * migrations only add what is missing, so several instances may start on it one after another.
         */
        public Builder database(TestDatabase.Instance existing) {
            this.existing = existing;
            return this;
        }

        /** The secret, instead of {@link TestPostern#SECRET}. */
        public Builder secret(String secret) {
            this.secret = secret;
            return this;
        }

        /**
         * Versioned secrets ({@code "2:new,1:old"}) instead of {@link TestPostern#SECRET}, which is then not
         * in the ring at all. ({@code configure(b -> b.secrets(...))} keeps {@code SECRET} as the legacy
         * secret, better-auth's rule when both are set.)
         */
        public Builder secrets(String versionedSecrets) {
            this.secrets = versionedSecrets;
            return this;
        }

        private void applySecrets(PosternConfig.Builder builder) {
            if (secrets != null) {
                builder.secrets(secrets);
            }
            if (secret != null) {
                builder.secret(secret);
            } else if (secrets == null) {
                builder.secret(SECRET);
            }
        }

        public Builder plugins(Plugin... more) {
            plugins.addAll(List.of(more));
            return this;
        }

        /** Adjusts the configuration before the instance is built (hooks, additional fields, ...). */
        public Builder configure(Consumer<PosternConfig.Builder> customizer) {
            this.customizer = this.customizer.andThen(customizer);
            return this;
        }

        public TestPostern start() {
            return new TestPostern(this);
        }
    }
}
