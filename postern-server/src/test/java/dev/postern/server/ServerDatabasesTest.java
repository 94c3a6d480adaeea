package dev.postern.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postern.jdbc.JdbcStoreProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the launcher's start-up cache changes for the database commands open. */
class ServerDatabasesTest {
    private static final String[] PROPERTIES = {ServerDatabases.STARTUP_CACHE_PROPERTY, "org.sqlite.lib.path",
        "org.sqlite.lib.name"};
    private final Map<String, String> saved = new HashMap<>();

    @TempDir
    Path dir;

    @BeforeEach
    void saveProperties() {
        for (String key : PROPERTIES) {
            saved.put(key, System.getProperty(key));
            System.clearProperty(key);
        }
    }

    @AfterEach
    void restoreProperties() {
        saved.forEach((key, value) -> {
            if (value == null) {
                System.clearProperty(key);
            } else {
                System.setProperty(key, value);
            }
        });
    }

    @Test
    void sqliteUnderTheLauncherThenItsNativeLibraryIsKeptInTheStartupCache() throws Exception {
        Path cache = Files.createDirectory(dir.resolve("cache"));
        System.setProperty(ServerDatabases.STARTUP_CACHE_PROPERTY, cache.toString());

        try (JdbcStoreProvider database = ServerDatabases.open("sqlite:" + dir.resolve("postern.db"));
             Connection connection = database.dataSource().getConnection()) {
            assertThat(connection.isValid(1)).isTrue();
        }

        try (Stream<Path> files = Files.walk(cache.resolve("native"))) {
            assertThat(files.filter(Files::isRegularFile).map(file -> file.getFileName().toString()))
                    .containsExactly(System.mapLibraryName("sqlitejdbc"));
        }
        assertThat(System.getProperty("org.sqlite.lib.path")).startsWith(cache.resolve("native").toString());
    }

    @Test
    void withoutTheLauncherOrForAServerDatabaseThenNothingIsCached() throws Exception {
        Path cache = Files.createDirectory(dir.resolve("cache"));

        ServerDatabases.open("sqlite:" + dir.resolve("postern.db")).close();
        System.setProperty(ServerDatabases.STARTUP_CACHE_PROPERTY, cache.toString());
        ServerDatabases.open("jdbc:postgresql://127.0.0.1:5432/test").close();

        try (Stream<Path> files = Files.list(cache)) {
            assertThat(files).isEmpty();
        }
        assertThat(System.getProperty("org.sqlite.lib.path")).isNull();
    }
}
