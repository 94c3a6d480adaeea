package dev.postern.server.cli;

import dev.postern.jdbc.JdbcStoreProvider;
import dev.postern.jdbc.migration.Change;
import dev.postern.jdbc.migration.MigrationPlan;
import dev.postern.jdbc.migration.Migrator;
import dev.postern.schema.SchemaModel;
import dev.postern.server.PosternAssembly;
import dev.postern.server.ServerDatabases;
import dev.postern.server.config.ServerSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code postern migrate}: creates what the database lacks (tables, columns, indexes) for the core and
 * the enabled plugins, and prints each change. Running it again prints that there is nothing to do.
 */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = "Apply pending schema migrations to the configured database (idempotent).")
public final class MigrateCommand extends ConfiguredCommand {

    @Option(names = "--dry-run", description = "Print the pending changes and their SQL without applying them.")
    private boolean dryRun;

    public MigrateCommand(CliEnvironment env) {
        super(env);
    }

    @Override
    public Integer call() {
        ServerSettings settings = settings();
        SchemaModel schema = PosternAssembly.schema(settings, env.plugins());
        try (JdbcStoreProvider database = ServerDatabases.open(settings.databaseUrl())) {
            Migrator migrator = new Migrator(database.dataSource(), database.dialect(), schema);
            MigrationPlan plan = dryRun ? migrator.plan() : migrator.migrate();
            if (plan.isEmpty()) {
                out().println("Nothing to migrate: " + database.describe() + " is up to date.");
                return 0;
            }
            out().println((dryRun ? "Pending for " : "Migrated ") + database.describe() + ":");
            for (Change change : plan.changes()) {
                out().println("  " + change.describe());
            }
            if (dryRun) {
                out().println();
                out().print(plan.script());
            }
            out().flush();
            return 0;
        }
    }
}
