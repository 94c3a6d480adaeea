package dev.postern.server;

import dev.postern.jdbc.SqliteNativeLibrary;
import dev.postern.server.cli.CliEnvironment;
import java.nio.file.Path;

/** The entry point of {@code postern-server.jar}; see {@link PosternCli}. */
public final class Main {
    /**
     * A folder for start-up caches, which the {@code ./postern} launcher names (the one holding the jar and
     * its AOT cache). Run without it ({@code java -jar}), nothing is cached.
     */
    static final String STARTUP_CACHE_PROPERTY = "postern.startupCache";

    private Main() {
    }

    public static void main(String[] args) {
        String startupCache = System.getProperty(STARTUP_CACHE_PROPERTY);
        if (startupCache != null && !startupCache.isBlank()) {
            SqliteNativeLibrary.keepIn(Path.of(startupCache, "native"));
        }
        System.exit(PosternCli.run(CliEnvironment.system(), args));
    }
}
