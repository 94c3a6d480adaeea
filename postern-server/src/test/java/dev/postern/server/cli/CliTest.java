package dev.postern.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postern.jdbc.JdbcStoreProvider;
import dev.postern.jdbc.JdbcStores;
import dev.postern.server.PosternAssembly;
import dev.postern.server.TestEnvironments;
import dev.postern.server.config.ServerSettings;
import dev.postern.store.Row;
import dev.postern.store.Store;
import dev.postern.store.Where;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CliTest {
    @TempDir
    Path dir;

    @Test
    void serveWithBadPortThenExitTwoAndOnlyTheDocumentedLine() {
        CliRun run = CliRun.of(TestEnvironments.in(dir, "POSTERN_PORT", "abc"), "serve");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("POSTERN_PORT: expected a port number 1-65535, got \"abc\"\n");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void serveWithUnknownPluginThenExitTwoListingInstalledPlugins() {
        CliEnvironment env = TestEnvironments.in(dir, "POSTERN_PLUGINS", "foo");
        CliRun run = CliRun.of(env, "serve");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(env.plugins().ids()).contains("test-role", "test-slow");
        assertThat(run.err()).isEqualTo("POSTERN_PLUGINS: unknown plugin \"foo\". Known plugins: "
                + String.join(", ", env.plugins().ids()) + "\n");
    }

    @Test
    void serveInProductionWithoutSecretThenRefusedBeforeTouchingTheDisk() {
        CliRun run = CliRun.of(TestEnvironments.in(dir, "POSTERN_ENV", "production"), "serve");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("POSTERN_SECRET: required in production").doesNotContain("\tat ");
        assertThat(dir.resolve("data")).doesNotExist();
    }

    @Test
    void serveWithUnsupportedDatabaseThenRefused() {
        CliRun run = CliRun.of(TestEnvironments.in(dir, "POSTERN_DATABASE_URL", "mongodb://localhost/x"), "serve");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("POSTERN_DATABASE_URL: ").hasLineCount(1);
    }

    @Test
    void serveWithSmtpSenderThatIsNoAddressThenRefused() {
        CliRun run = CliRun.of(TestEnvironments.in(dir, "POSTERN_SMTP_HOST", "smtp.example.com",
                "POSTERN_SMTP_FROM", "no address here"), "serve");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("POSTERN_SMTP_FROM: expected an e-mail address such as "
                + "\"Postern <no-reply@example.com>\", got \"no address here\"\n");
    }

    @Test
    void generateSqliteToFileThenDdlWrittenAndNoDatabaseCreated() throws Exception {
        CliRun run = CliRun.of(TestEnvironments.in(dir), "generate", "--dialect", "sqlite", "--out", "schema.sql");

        assertThat(run.exitCode()).isEqualTo(0);
        assertThat(run.out()).contains("Wrote the sqlite schema to");
        String sql = Files.readString(dir.resolve("schema.sql"));
        assertThat(sql.toLowerCase()).contains("create table \"user\"", "create table \"session\"");
        assertThat(dir.resolve("data")).doesNotExist();
    }

    @Test
    void generatePostgresToStandardOutputThenDdlPrinted() {
        CliRun run = CliRun.of(TestEnvironments.in(dir), "generate", "--dialect", "postgres");

        assertThat(run.exitCode()).isEqualTo(0);
        assertThat(run.out()).startsWith("-- Postern ").containsIgnoringCase("create table \"account\"");
    }

    @Test
    void generateWithUnknownDialectThenUsageError() {
        CliRun run = CliRun.of(TestEnvironments.in(dir), "generate", "--dialect", "oracle");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("expected sqlite, postgres or mysql, got 'oracle'");
    }

    @Test
    void migrateTwiceThenChangesFirstAndNothingSecond() {
        CliEnvironment env = TestEnvironments.in(dir);

        CliRun first = CliRun.of(env, "migrate");
        CliRun second = CliRun.of(env, "migrate");

        assertThat(first.exitCode()).isEqualTo(0);
        assertThat(first.out()).startsWith("Migrated SQLite ").containsIgnoringCase("user");
        assertThat(second.exitCode()).isEqualTo(0);
        assertThat(second.out()).isEqualTo("Nothing to migrate: SQLite " + dir.resolve("data/postern.db")
                + " is up to date.\n");
    }

    @Test
    void secretThenFresh32BytesBase64UrlEachTime() {
        CliEnvironment env = TestEnvironments.in(dir);

        String one = CliRun.of(env, "secret").out().trim();
        String two = CliRun.of(env, "secret").out().trim();

        assertThat(Base64.getUrlDecoder().decode(one)).hasSize(32);
        assertThat(one).isNotEqualTo(two);
    }

    @Test
    void versionAndHelpThenAnsweredByEveryCommand() {
        CliEnvironment env = TestEnvironments.in(dir);

        assertThat(CliRun.of(env, "--version").out()).startsWith("Postern ");
        assertThat(CliRun.of(env, "migrate", "--version").out()).startsWith("Postern ");
        assertThat(CliRun.of(env, "users", "set-role", "--version").out()).startsWith("Postern ");
        assertThat(CliRun.of(env, "serve", "--help").out()).contains("--migrate", "--config");
        assertThat(CliRun.of(env, "users", "set-role", "--help").out()).contains("EMAIL", "ROLE");
        assertThat(CliRun.of(env, "--help").out()).contains("serve", "migrate", "generate", "secret", "doctor", "users",
                "keys");
    }

    @Test
    void mistypedCommandThenUsageErrorSuggestsTheRealOne() {
        CliRun run = CliRun.of(TestEnvironments.in(dir), "serv");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Unmatched argument", "'serv'", "Did you mean: postern serve");
    }

    @Test
    void doctorThenSecretMaskedAndSectionsPrinted() {
        String secret = "doctor-must-never-print-this-secret-value";
        CliRun run = CliRun.of(TestEnvironments.in(dir, "POSTERN_SECRET", secret,
                "POSTERN_SMTP_HOST", "smtp.example.com", "POSTERN_SMTP_FROM", "no-reply@example.com",
                "POSTERN_SMTP_USER", "mailer", "POSTERN_SMTP_PASSWORD", "smtp-password-never-shown"), "doctor");

        assertThat(run.exitCode()).isEqualTo(0);
        assertThat(run.out()).doesNotContain(secret, "smtp-password-never-shown")
                .contains("mailer@smtp.example.com:587 (starttls), from no-reply@example.com, password ****")
                .contains("**** (" + secret.length() + " characters)  (POSTERN_SECRET)")
                .contains("not created yet")
                .contains("Social providers: none configured");
    }

    @Test
    void doctorPrintsTheCallbackUrlOfEveryConfiguredSocialProvider() throws java.io.IOException {
        java.nio.file.Files.writeString(dir.resolve("postern.yaml"), """
                baseUrl: https://auth.example.com
                plugins:
                  social:
                    socialProviders:
                      github: { clientId: gh-id, clientSecret: gh-secret }
                    genericOAuth:
                      acme-sso: { authorizationUrl: https://sso.acme.test/auth, tokenUrl: https://sso.acme.test/token, clientId: acme }
                """);

        CliRun run = CliRun.of(TestEnvironments.in(dir, "POSTERN_SECRET", "doctor-secret-that-is-long-enough-0123456789"), "doctor");

        assertThat(run.out()).contains("Social providers (register these callback URLs)")
                .contains("https://auth.example.com/api/auth/callback/github")
                .contains("https://auth.example.com/api/auth/callback/acme-sso")
                .doesNotContain("gh-secret");
    }

    @Test
    void doctorAfterMigrateThenReachableAndUpToDate() {
        CliEnvironment env = TestEnvironments.in(dir);
        CliRun.of(env, "migrate");

        CliRun run = CliRun.of(env, "doctor");

        assertThat(run.exitCode()).isEqualTo(0);
        assertThat(run.out()).contains("reachable        yes").contains("migrations       up to date");
    }

    @Test
    void setRoleWithoutRoleFieldThenSaysToEnableAdmin() {
        CliRun run = CliRun.of(TestEnvironments.in(dir), "users", "set-role", "ada@example.com", "admin");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("The user table has no \"role\" field: enable the admin plugin "
                + "(POSTERN_PLUGINS=admin) to give users roles.\n");
    }

    @Test
    void setRoleThenRoleStoredForTheUserFoundByLowerCasedEmail() {
        CliEnvironment env = TestEnvironments.in(dir, "POSTERN_PLUGINS", "test-role");
        CliRun.of(env, "migrate");
        ServerSettings settings = env.settings(Optional.empty());
        try (JdbcStoreProvider database = JdbcStores.fromUrl(settings.databaseUrl())) {
            Store store = database.open(PosternAssembly.schema(settings, env.plugins()));
            store.create("user", Map.of("name", "Ada", "email", "ada@example.com"));

            CliRun run = CliRun.of(env, "users", "set-role", "Ada@Example.COM", "admin");

            assertThat(run.exitCode()).isEqualTo(0);
            assertThat(run.out()).isEqualTo("Role of ada@example.com is now \"admin\".\n");
            Row user = store.findOne("user", Where.eq("email", "ada@example.com")).orElseThrow();
            assertThat(user.string("role")).isEqualTo("admin");
        }
    }

    @Test
    void setRoleForUnknownEmailThenExitOne() {
        CliEnvironment env = TestEnvironments.in(dir, "POSTERN_PLUGINS", "test-role");
        CliRun.of(env, "migrate");

        CliRun run = CliRun.of(env, "users", "set-role", "nobody@example.com", "admin");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("No user with e-mail nobody@example.com in SQLite ");
    }

    @Test
    void setRoleBeforeAnyDatabaseExistsThenSaysToStartTheServerFirst() {
        CliRun run = CliRun.of(TestEnvironments.in(dir, "POSTERN_PLUGINS", "test-role"),
                "users", "set-role", "ada@example.com", "admin");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("There is no database at " + dir.resolve("data/postern.db") + " yet");
        assertThat(dir.resolve("data/postern.db")).doesNotExist();
    }
}
