package dev.postern.servlet.compat;

import dev.postern.Postern;
import dev.postern.jdbc.Dialect;
import dev.postern.jdbc.JdbcStoreProvider;
import dev.postern.jdbc.JdbcStores;
import dev.postern.jdbc.migration.MigrationPlan;
import dev.postern.jdbc.migration.Migrator;
import dev.postern.server.PosternAssembly;
import dev.postern.server.cli.CliEnvironment;
import dev.postern.server.cli.Failures;
import dev.postern.server.config.SecretResolver;
import dev.postern.server.config.ServerSettings;
import dev.postern.servlet.EmbeddedJetty;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code postern serve} with the Servlet adapter in place of the Jetty one: the same settings (environment
 * and {@code ./postern.yaml}), plugins and database, served through {@link dev.postern.servlet.PosternFilter}
 * in embedded Jetty ee11 on 127.0.0.1. compat/ starts it when {@code COMPAT_ADAPTER=servlet}, with the class
 * path Maven writes to {@code target/compat-classpath.txt}. {@code --migrate} as for {@code serve}.
 */
public final class ServletCompatServer {
    private static final Logger LOG = LoggerFactory.getLogger(ServletCompatServer.class);

    private ServletCompatServer() {
    }

    public static void main(String[] args) {
        try {
            start(List.of(args).contains("--migrate"));
        } catch (RuntimeException e) {
            System.err.println("Error: " + Failures.describe(e));
            System.exit(1);
        }
    }

    private static void start(boolean migrate) {
        CliEnvironment env = CliEnvironment.system();
        ServerSettings settings = env.settings(Optional.empty());
        String secret = SecretResolver.resolveOrGenerate(settings).value();
        JdbcStoreProvider database = JdbcStores.fromUrl(settings.databaseUrl());
        Postern postern = Postern.create(PosternAssembly.config(settings, env.plugins().create(settings), database,
                secret));
        prepareSchema(database, postern, migrate);
        EmbeddedJetty jetty = EmbeddedJetty.builder(postern, settings.port()).start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            jetty.close();
            postern.close();
            database.close();
        }, "postern-shutdown"));
        LOG.info("Postern ready at {} ({}, plugins: {}) through the Servlet adapter", postern.config().authUrl(),
                database.describe(), PosternAssembly.describePlugins(settings, env.plugins()));
    }

    // As StandaloneServer: SQLite is always migrated, a server database only when asked.
    private static void prepareSchema(JdbcStoreProvider database, Postern postern, boolean migrate) {
        Migrator migrator = new Migrator(database.dataSource(), database.dialect(), postern.schema());
        if (database.dialect() == Dialect.SQLITE || migrate) {
            migrator.migrate();
            return;
        }
        MigrationPlan pending = migrator.plan();
        if (!pending.isEmpty()) {
            throw new IllegalStateException("the database needs " + pending.changes().size()
                    + " schema change(s); start with --migrate");
        }
    }
}
