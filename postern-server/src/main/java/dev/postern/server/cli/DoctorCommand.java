package dev.postern.server.cli;

import dev.postern.jdbc.JdbcStoreProvider;
import dev.postern.jdbc.migration.Change;
import dev.postern.jdbc.migration.MigrationPlan;
import dev.postern.jdbc.migration.Migrator;
import dev.postern.redis.RedisSecondaryStorage;
import dev.postern.schema.SchemaModel;
import dev.postern.server.PosternAssembly;
import dev.postern.server.PosternVersion;
import dev.postern.server.ServerDatabases;
import dev.postern.server.config.SecretResolver;
import dev.postern.server.config.Secrets;
import dev.postern.server.config.ServerSettings;
import dev.postern.smtp.SmtpSettings;
import dev.postern.storage.SecondaryStorageUnavailableException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;

/**
 * {@code postern doctor}: what the server would run with and whether it can. Prints the effective
 * configuration with every secret masked, checks the database, lists pending migrations, and gives the
 * callback URL to register with each social provider; PINGs Redis when one is configured. Exits 1 when
 * the database or Redis cannot be reached.
 */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = "Check the configuration, the database and pending migrations; secrets are masked.")
public final class DoctorCommand extends ConfiguredCommand {
    private static final String ROW = "  %-16s %s%n";

    public DoctorCommand(CliEnvironment env) {
        super(env);
    }

    @Override
    public Integer call() {
        ServerSettings settings = settings();
        SchemaModel schema = PosternAssembly.schema(settings, env.plugins());
        out().printf("Postern %s on Java %s%n%n", PosternVersion.current(), Runtime.version());
        try (JdbcStoreProvider database = ServerDatabases.open(settings.databaseUrl())) {
            printConfiguration(settings, database);
            boolean reachable = printDatabase(database, schema);
            boolean redisReachable = printRedis(settings);
            printSocialProviders(settings, socialProviderIds(settings));
            out().flush();
            return reachable && redisReachable ? 0 : 1;
        }
    }

    private void printConfiguration(ServerSettings settings, JdbcStoreProvider database) {
        out().println("Configuration");
        row("config file", settings.configFile().map(Path::toString).orElse("none (environment and defaults)"));
        row("env", sourced(settings.mode().cliName(), settings, "env"));
        row("baseUrl", sourced(settings.baseUrl(), settings, "baseUrl"));
        row("listen", settings.host() + ":" + settings.port() + from(settings, "port"));
        row("database", sourced(database.describe(), settings, "databaseUrl"));
        row("dataDir", sourced(settings.dataDir().toString(), settings, "dataDir"));
        row("secret", SecretResolver.resolve(settings)
                .map(s -> Secrets.mask(s.value()) + "  (" + s.source() + ")")
                .orElse("not set: a development secret is generated into "
                        + settings.dataDir().resolve(SecretResolver.SECRET_FILE) + " on first start"));
        row("trustedOrigins", settings.trustedOrigins().isEmpty() ? "none"
                : String.join(", ", settings.trustedOrigins()) + from(settings, "trustedOrigins"));
        row("plugins", PosternAssembly.describePlugins(settings, env.plugins()) + from(settings, "plugins")
                + "; installed: " + (env.plugins().ids().isEmpty() ? "none" : String.join(", ", env.plugins().ids())));
        row("smtp", settings.smtp().map(DoctorCommand::describe).orElse("not configured: e-mails are logged, not sent"));
        out().println();
    }

    /** Prints reachability and pending migrations; false when the database cannot be reached. */
    private boolean printDatabase(JdbcStoreProvider database, SchemaModel schema) {
        out().println("Database");
        Path sqliteFile = database.url().sqliteFile();
        if (sqliteFile != null && !Files.exists(sqliteFile)) {
            row("reachable", "not created yet: `postern serve` creates and migrates " + sqliteFile);
            row("migrations", "everything pending (" + schema.tables().size() + " tables)");
            out().println();
            return true;
        }
        long start = System.nanoTime();
        Optional<String> failure = selectOne(database);
        if (failure.isPresent()) {
            row("reachable", "NO: " + failure.get());
            row("migrations", "unknown while the database is unreachable");
            out().println();
            return false;
        }
        row("reachable", "yes (" + (System.nanoTime() - start) / 1_000_000 + " ms)");
        MigrationPlan plan = new Migrator(database.dataSource(), database.dialect(), schema).plan();
        if (plan.isEmpty()) {
            row("migrations", "up to date");
        } else {
            row("migrations", plan.changes().size() + " pending; run `postern migrate`:");
            for (Change change : plan.changes()) {
                row("", "- " + change.describe());
            }
        }
        out().println();
        return true;
    }

    /** PINGs the configured Redis; false when it does not answer. Nothing to check, and true, without one. */
    private boolean printRedis(ServerSettings settings) {
        Optional<RedisSecondaryStorage> configured = PosternAssembly.secondaryStorage(settings);
        if (configured.isEmpty()) {
            return true;
        }
        out().println("Secondary storage");
        try (RedisSecondaryStorage redis = configured.get()) {
            row("redis", sourced(redis.maskedUrl(), settings, "secondaryStorage.url"));
            try {
                row("reachable", "yes (" + redis.ping().toMillis() + " ms)");
                return true;
            } catch (SecondaryStorageUnavailableException e) {
                row("reachable", "NO: " + e.getMessage());
                return false;
            } finally {
                out().println();
            }
        }
    }

    private static Optional<String> selectOne(JdbcStoreProvider database) {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("SELECT 1");
            return Optional.empty();
        } catch (Exception e) {
            return Optional.of(Failures.describe(e));
        }
    }

    /** One line per provider with the redirect URI its console asks for. */
    /** The ids of the providers the social plugin was configured with (postern.yaml and environment). */
    private List<String> socialProviderIds(ServerSettings settings) {
        return env.plugins().create(settings).stream()
                .filter(dev.postern.plugin.social.SocialPlugin.class::isInstance)
                .map(dev.postern.plugin.social.SocialPlugin.class::cast)
                .flatMap(p -> p.providers().stream())
                .map(dev.postern.plugin.social.SocialProvider::id)
                .toList();
    }

    private void printSocialProviders(ServerSettings settings, List<String> providerIds) {
        if (providerIds.isEmpty()) {
            out().println("Social providers: none configured");
            return;
        }
        String authUrl = PosternAssembly.authUrl(settings);
        out().println("Social providers (register these callback URLs)");
        for (String id : providerIds) {
            row(id, dev.postern.plugin.social.SocialPlugin.callbackUrl(authUrl, id));
        }
        if (settings.production() && authUrl.startsWith("http://")) {
            out().println("  WARNING: the base URL is http in production; providers that require https redirect"
                    + " URIs answer redirect_uri_mismatch. Set baseUrl to the public https URL.");
        }
    }

    private static String describe(SmtpSettings smtp) {
        return (smtp.user() == null ? "" : smtp.user() + "@") + smtp.host() + ":" + smtp.port()
                + " (" + smtp.security().name().toLowerCase(java.util.Locale.ROOT) + "), from " + smtp.from()
                + (smtp.password() == null ? "" : ", password " + Secrets.mask(smtp.password()));
    }

    private void row(String name, String value) {
        out().printf(ROW, name, value);
    }

    private static String sourced(String value, ServerSettings settings, String setting) {
        return value + from(settings, setting);
    }

    private static String from(ServerSettings settings, String setting) {
        return "  (" + settings.source(setting) + ")";
    }
}
