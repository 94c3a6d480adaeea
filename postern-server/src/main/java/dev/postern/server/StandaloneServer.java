package dev.postern.server;

import dev.postern.Postern;
import dev.postern.PosternConfig;
import dev.postern.jdbc.Dialect;
import dev.postern.jdbc.JdbcStoreProvider;
import dev.postern.jdbc.migration.Change;
import dev.postern.jdbc.migration.MigrationPlan;
import dev.postern.jdbc.migration.Migrator;
import dev.postern.health.HealthCheck;
import dev.postern.health.Readiness;
import dev.postern.jetty.PosternJettyServer;
import java.sql.Connection;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import dev.postern.redis.RedisSecondaryStorage;
import dev.postern.schema.SchemaModel;
import dev.postern.server.config.ConfigException;
import dev.postern.server.config.SecretResolver;
import dev.postern.server.config.ServerSettings;
import dev.postern.server.plugins.PluginRegistry;
import dev.postern.storage.SecondaryStorageUnavailableException;
import java.lang.management.ManagementFactory;
import java.net.BindException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole standalone server: database, schema, Postern instance and HTTP, started from
 * {@link ServerSettings} and stopped in reverse order. {@code postern serve} is this plus a shutdown
 * hook; tests start it directly.
 */
public final class StandaloneServer implements AutoCloseable {
    /** How long in-flight requests may run once a stop is asked for. */
    public static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(20);
    private static final Logger LOG = LoggerFactory.getLogger(StandaloneServer.class);

    private final JdbcStoreProvider database;
    private final Postern postern;
    private final PosternJettyServer http;
    private final Optional<RedisSecondaryStorage> secondaryStorage;
    private final AtomicBoolean stopped = new AtomicBoolean();

    private StandaloneServer(JdbcStoreProvider database, Postern postern, PosternJettyServer http,
                             Optional<RedisSecondaryStorage> secondaryStorage) {
        this.database = database;
        this.postern = postern;
        this.http = http;
        this.secondaryStorage = secondaryStorage;
    }

    /**
     * How to start.
     *
     * @param migrate apply pending migrations to a server database (SQLite is always migrated)
     * @param startedAt when start-up began, for the "ready in" figure; empty for the JVM's own start,
     *     which is what a user waiting for {@code postern serve} experiences
     */
    public record Options(boolean migrate, Optional<Instant> startedAt) {
        public Options {
            Objects.requireNonNull(startedAt, "startedAt");
        }

        /** No migration of server databases; start-up timed from now. */
        public static Options defaults() {
            return new Options(false, Optional.of(Instant.now()));
        }

        Duration elapsed() {
            return startedAt.map(start -> Duration.between(start, Instant.now()))
                    .orElseGet(() -> Duration.ofMillis(ManagementFactory.getRuntimeMXBean().getUptime()));
        }
    }

    /**
     * Starts everything and logs one line once requests are answered.
     *
     * @throws ConfigException when the configuration cannot work (a plugin refusing its options, a server
     *     database that needs migrations nobody asked for)
     */
    public static StandaloneServer start(ServerSettings settings, PluginRegistry registry, Options options) {
        SecretResolver.Resolved secret = SecretResolver.resolveOrGenerate(settings);
        JdbcStoreProvider database = ServerDatabases.open(settings.databaseUrl());
        Optional<RedisSecondaryStorage> secondaryStorage = PosternAssembly.secondaryStorage(settings);
        Postern postern = null;
        try {
            PosternConfig config = PosternAssembly.config(settings, registry.create(settings), database,
                    secret.value(), secondaryStorage);
            secondaryStorage.ifPresent(StandaloneServer::checkRedis);
            prepareSchema(database, Postern.schemaOf(config), options.migrate(),
                    settings.keyOf("databaseUrl", "POSTERN_DATABASE_URL"));
            postern = Postern.create(config);
            if (settings.smtp().isEmpty()) {
                LOG.warn(settings.production()
                        ? "No SMTP server configured (POSTERN_SMTP_HOST): verification and reset e-mails cannot be sent."
                        : "No SMTP server configured (POSTERN_SMTP_HOST): e-mails are written to this log, links included.");
            }
            PosternJettyServer http = listen(postern, settings, readiness(database, secondaryStorage));
            long millis = options.elapsed().toMillis();
            LOG.info("Postern ready at {} ({}, plugins: {}) in {} ms", config.authUrl(), database.describe(),
                    PosternAssembly.describePlugins(settings, registry), millis);
            return new StandaloneServer(database, postern, http, secondaryStorage);
        } catch (RuntimeException e) {
            if (postern != null) {
                postern.close();
            }
            secondaryStorage.ifPresent(RedisSecondaryStorage::close);
            database.close();
            throw e;
        }
    }

    /**
     * What {@code GET /health/ready} checks: the database answers {@code SELECT 1} (within the pool's 5 s
     * connection timeout) and, when configured, Redis answers PING (2 s command timeout).
     */
    private static Readiness readiness(JdbcStoreProvider database, Optional<RedisSecondaryStorage> secondaryStorage) {
        Map<String, HealthCheck> checks = new LinkedHashMap<>();
        checks.put("database", () -> {
            try (Connection connection = database.dataSource().getConnection();
                 Statement statement = connection.createStatement()) {
                statement.setQueryTimeout(5);
                statement.execute("SELECT 1");
            }
        });
        secondaryStorage.ifPresent(redis -> checks.put("secondaryStorage", redis::ping));
        return Readiness.of(checks);
    }

    private static PosternJettyServer listen(Postern postern, ServerSettings settings, Readiness readiness) {
        try {
            return PosternJettyServer.start(postern, settings.host(), settings.port(), readiness);
        } catch (IllegalStateException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof BindException) {
                    throw ConfigException.of(settings.keyOf("port", "POSTERN_PORT"), "cannot listen on "
                            + settings.host() + ":" + settings.port() + " (" + cause.getMessage()
                            + "); stop what uses it or choose another port");
                }
            }
            throw e;
        }
    }

    /**
     * The embedded SQLite database is the server's own, so it is migrated on every start. A server
     * database is shared with whoever runs its migrations, so it is only checked, unless asked.
     */
    private static void prepareSchema(JdbcStoreProvider database, SchemaModel schema, boolean migrate,
                                      String databaseKey) {
        Migrator migrator = new Migrator(database.dataSource(), database.dialect(), schema);
        if (database.dialect() == Dialect.SQLITE || migrate) {
            MigrationPlan applied = migrator.migrate();
            if (!applied.isEmpty()) {
                LOG.info("Migrated {}: {}", database.describe(),
                        String.join("; ", applied.changes().stream().map(Change::describe).toList()));
            }
            return;
        }
        MigrationPlan pending = migrator.plan();
        if (!pending.isEmpty()) {
            throw ConfigException.of(databaseKey, "the database needs " + pending.changes().size()
                    + " schema change(s); run `postern migrate` first or start with `postern serve --migrate`");
        }
    }

    public int port() {
        return http.port();
    }

    /** Where the HTTP server listens, e.g. {@code http://127.0.0.1:3000}. */
    public URI uri() {
        return http.uri();
    }

    public Postern postern() {
        return postern;
    }

    /** Stops accepting, lets in-flight requests finish (up to {@code grace}), then closes the database. */
    public void stop(Duration grace) {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        try {
            http.stop(grace);
        } finally {
            postern.close();
            secondaryStorage.ifPresent(RedisSecondaryStorage::close);
            database.close();
        }
    }

    /** Redis down at start-up is survivable (requests get 503 until it returns), so it warns instead of failing. */
    private static void checkRedis(RedisSecondaryStorage redis) {
        try {
            redis.ping();
            LOG.info("Secondary storage: Redis at {}", redis.maskedUrl());
        } catch (SecondaryStorageUnavailableException e) {
            LOG.warn("Secondary storage: Redis at {} is not reachable yet ({}); requests that need it get 503 "
                    + "until it is", redis.maskedUrl(), e.getMessage());
        }
    }

    @Override
    public void close() {
        stop(SHUTDOWN_GRACE);
    }
}
