package dev.postern.jdbc.migration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postern.jdbc.Dialect;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Postern and the real better-auth must take over each other's databases: a schema one migrated is up
 * to date for the other, for the core tables and for a plugin (two-factor) added later.
 */
class MigratorBetterAuthCompatibilityTest {
    private static final String DATABASE = "postern_migration_compat";

    @TempDir
    Path folder;

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void planWhenBetterAuthCreatedTheDatabaseThenUpToDate(Dialect dialect) {
        Database database = database(dialect);

        BetterAuthCli.Plan created = BetterAuthCli.migrations(database.kind(), database.target(), true, false);

        assertThat(created.changes()).contains("created user", "created session", "created account",
                "created verification");
        MigrationPlan plan = new Migrator(database.dataSource(), dialect, MigrationSchemas.core()).plan();
        assertThat(plan.describe()).as("better-auth's DDL:\n%s", created.sql()).isEqualTo("up to date");
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void betterAuthWhenPosternCreatedTheDatabaseThenHasNothingToDo(Dialect dialect) {
        Database database = database(dialect);
        new Migrator(database.dataSource(), dialect, MigrationSchemas.core()).migrate();

        BetterAuthCli.Plan plan = BetterAuthCli.migrations(database.kind(), database.target(), false, false);

        assertThat(plan.changes()).as("better-auth would run:\n%s", plan.sql()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void betterAuthWhenPosternAddedTwoFactorToItsDatabaseThenHasNothingToDo(Dialect dialect) {
        Database database = database(dialect);
        BetterAuthCli.migrations(database.kind(), database.target(), true, false);

        MigrationPlan added = new Migrator(database.dataSource(), dialect, MigrationSchemas.coreWithTwoFactor()).migrate();
        BetterAuthCli.Plan plan = BetterAuthCli.migrations(database.kind(), database.target(), false, true);

        assertThat(added.describe()).contains("create table twoFactor", "add column user.twoFactorEnabled");
        assertThat(plan.changes()).as("better-auth would run:\n%s", plan.sql()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void planWhenBetterAuthAddedTwoFactorToPosternsDatabaseThenUpToDate(Dialect dialect) {
        Database database = database(dialect);
        new Migrator(database.dataSource(), dialect, MigrationSchemas.core()).migrate();

        BetterAuthCli.Plan added = BetterAuthCli.migrations(database.kind(), database.target(), true, true);
        MigrationPlan plan = new Migrator(database.dataSource(), dialect, MigrationSchemas.coreWithTwoFactor()).plan();

        assertThat(added.changes()).contains("created twoFactor", "added user.twoFactorEnabled");
        assertThat(plan.describe()).as("better-auth's DDL:\n%s", added.sql()).isEqualTo("up to date");
    }

    private record Database(String kind, String target, DataSource dataSource) {
    }

    /** A fresh database, checking npm first so a machine without it skips before touching servers. */
    private Database database(Dialect dialect) {
        BetterAuthCli.install();
        DataSource dataSource = MigrationDatabases.fresh(dialect, folder, DATABASE);
        return switch (dialect) {
            case SQLITE -> new Database("sqlite", folder.resolve(DATABASE + ".db").toString(), dataSource);
            case POSTGRES -> new Database("postgres", MigrationDatabases.postgresNodeUrl(DATABASE), dataSource);
            case MYSQL -> new Database("mysql", MigrationDatabases.mariadbNodeUrl(DATABASE), dataSource);
        };
    }
}
