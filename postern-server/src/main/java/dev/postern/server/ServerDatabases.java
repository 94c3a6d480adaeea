package dev.postern.server;

import dev.postern.jdbc.Dialect;
import dev.postern.jdbc.JdbcStoreProvider;
import dev.postern.jdbc.JdbcStores;
import dev.postern.jdbc.SqliteNativeLibrary;
import java.nio.file.Path;

/** The configured database, as every command that needs one opens it. */
public final class ServerDatabases {
    /**
     * A folder for start-up caches, which the {@code ./postern} launcher names (the one holding the jar and
     * its AOT cache). Run without it ({@code java -jar}), nothing is cached.
     */
    static final String STARTUP_CACHE_PROPERTY = "postern.startupCache";

    private ServerDatabases() {
    }

    /**
     * A provider for {@code databaseUrl}; no connection is made yet. For SQLite under the launcher, the
     * driver's native library is kept in the start-up cache rather than unpacked at every start.
     */
    public static JdbcStoreProvider open(String databaseUrl) {
        JdbcStoreProvider database = JdbcStores.fromUrl(databaseUrl);
        String startupCache = System.getProperty(STARTUP_CACHE_PROPERTY);
        if (database.dialect() == Dialect.SQLITE && startupCache != null && !startupCache.isBlank()) {
            SqliteNativeLibrary.keepIn(Path.of(startupCache, "native"));
        }
        return database;
    }
}
