package dev.postern.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postern.Postern;
import dev.postern.jdbc.JdbcStoreProvider;
import dev.postern.jdbc.JdbcStores;
import dev.postern.server.PosternAssembly;
import dev.postern.server.TestEnvironments;
import dev.postern.server.config.ServerSettings;
import dev.postern.store.Row;
import dev.postern.testkit.TestDatabase;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The first admin of a fresh install, with the real admin plugin on every database: an address in
 * {@code POSTERN_ADMIN_EMAILS} is an admin from the moment its user is created, and
 * {@code postern users set-role} promotes anyone else.
 */
class SetRoleWithAdminPluginTest {
    private static final String SECRET = "set-role-test-secret-that-is-long-enough-0123456789";

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void adminEmailsAndSetRoleMakeAdmins(TestDatabase kind) {
        TestDatabase.Instance database = kind.create();
        try {
            CliEnvironment env = TestEnvironments.in(dir, "POSTERN_PLUGINS", "admin", "POSTERN_DATABASE_URL", database.url(),
                    "POSTERN_SECRET", SECRET, "POSTERN_ADMIN_EMAILS", "Boss@Example.com, ops@example.com");
            assertThat(CliRun.of(env, "migrate").exitCode()).isZero();
            ServerSettings settings = env.settings(Optional.empty());
            try (JdbcStoreProvider store = JdbcStores.fromUrl(settings.databaseUrl());
                 Postern postern = Postern.create(PosternAssembly.config(settings, env.plugins().create(settings), store, SECRET))) {
                Row boss = postern.users().create(Map.of("name", "Boss", "email", "boss@example.com"));
                Row ada = postern.users().create(Map.of("name", "Ada", "email", "ada@example.com"));
                assertThat(boss.string("role")).isEqualTo("admin");
                assertThat(ada.string("role")).isEqualTo("user");

                CliRun run = CliRun.of(env, "users", "set-role", "Ada@Example.com", "admin,user");

                assertThat(run.err()).isEmpty();
                assertThat(run.exitCode()).isZero();
                assertThat(run.out()).isEqualTo("Role of ada@example.com is now \"admin,user\".\n");
                Row promoted = postern.users().findById(ada.id()).orElseThrow();
                assertThat(promoted.string("role")).isEqualTo("admin,user");
                assertThat(promoted.instant("updatedAt")).isAfterOrEqualTo(ada.instant("updatedAt"));
                assertThat(CliRun.of(env, "users", "set-role", "nobody@example.com", "admin").exitCode()).isEqualTo(1);
            }
        } finally {
            database.drop();
        }
    }
}
