package dev.postern.plugin.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postern.schema.Table;
import dev.postern.store.Query;
import dev.postern.store.Where;
import dev.postern.testkit.TestDatabase;
import dev.postern.testkit.TestPostern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every table and column of every plugin this module ships is created by the migrations on each supported
 * database, MariaDB included, and the instance then serves. Feature tests run on SQLite and PostgreSQL only
 * ({@link dev.postern.testkit.SqliteAndPostgres}); this is what keeps a MySQL-only DDL mistake in a plugin's
 * schema (an index on a TEXT column, a reserved word) from reaching users.
 */
class AllPluginsOnEveryDatabaseTest {

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void everyPluginsSchemaMigratesAndTheInstanceServes(TestDatabase database) {
        try (TestPostern auth = AllPlugins.start(database)) {
            // Selecting every mapped column of every table fails on a table or column the migration missed.
            for (Table table : auth.postern().schema().tables()) {
                assertThat(auth.postern().store().findMany(table.name(), Query.where(Where.all()).limit(1)))
                        .as("rows of %s", table.name()).isEmpty();
            }
            assertThat(auth.client().get("/ok").assertStatus(200).body()).isEqualTo("{\"ok\":true}");
            assertThat(auth.postern().schema().tables()).extracting(Table::name)
                    .contains("user", "session", "account", "verification", "twoFactor", "passkey", "apikey", "jwks",
                            "organization", "member", "invitation", "team", "teamMember", "organizationRole");
        }
    }
}
