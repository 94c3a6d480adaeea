package dev.postern.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.postern.server.cli.CliEnvironment;
import dev.postern.server.config.ConfigException;
import dev.postern.testkit.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A server database is shared with whoever runs its migrations, so {@code serve} migrates it only when
 * told to ({@code --migrate}) and otherwise refuses to start on a schema it does not match.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ServerDatabaseTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = {"POSTGRES", "MARIADB"})
    void serveOnEmptyServerDatabaseThenRefusedWithoutMigrateAndServesWithIt(TestDatabase kind) throws Exception {
        TestDatabase.Instance database = kind.create();
        try {
            CliEnvironment env = TestEnvironments.in(dir, "POSTERN_DATABASE_URL", database.url());

            assertThatThrownBy(() -> start(env, false)).isInstanceOf(ConfigException.class)
                    .hasMessageStartingWith("POSTERN_DATABASE_URL: the database needs ")
                    .hasMessageEndingWith("run `postern migrate` first or start with `postern serve --migrate`");

            try (StandaloneServer migrated = start(env, true); HttpClient client = HttpClient.newHttpClient()) {
                HttpResponse<String> ok = client.send(HttpRequest.newBuilder(URI.create(migrated.uri() + "/api/auth/ok"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(ok.body()).isEqualTo("{\"ok\":true}");
            }
            try (StandaloneServer upToDate = start(TestEnvironments.in(dir, "POSTERN_DATABASE_URL", database.url()), false)) {
                assertThat(upToDate.port()).isPositive();
            }
        } finally {
            database.drop();
        }
    }

    private static StandaloneServer start(CliEnvironment env, boolean migrate) {
        return StandaloneServer.start(env.settings(Optional.empty()), env.plugins(),
                new StandaloneServer.Options(migrate, Optional.of(Instant.now())));
    }
}
