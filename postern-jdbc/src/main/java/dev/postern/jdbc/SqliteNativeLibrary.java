package dev.postern.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * Keeps sqlite-jdbc's native library in a folder of the application's, so that it is unpacked once instead
 * of at every start. Left to itself, the driver's first connection works out the platform (which runs
 * {@code uname} in a child process), copies the library out of its jar into the temporary folder under a
 * new name, reads the copy back to compare it with the original and then loads it: 90 ms in a bare JVM,
 * against 25 ms when it loads a kept copy, which is a sixth of the standalone server's cold start. Once a copy is kept, the driver loads it directly (its
 * {@code org.sqlite.lib.path} and {@code org.sqlite.lib.name} properties).
 *
 * <p>The folder must be one only the application's user can write to, such as the one holding its jar: a
 * library loaded from it runs inside the process. Copies are named after the driver's version, so an
 * upgraded driver makes a new one.
 */
public final class SqliteNativeLibrary {
    static final String PATH_PROPERTY = "org.sqlite.lib.path";
    static final String NAME_PROPERTY = "org.sqlite.lib.name";

    private SqliteNativeLibrary() {
    }

    /**
     * Points the driver at a copy of its native library in {@code folder}, making the copy first when there
     * is none. Call it before the first SQLite connection. It changes nothing when the library's location was
     * chosen already (the driver's properties are set) or when no copy can be made; the driver then unpacks
     * the library itself, as usual.
     *
     * @return whether the driver will load the kept copy
     */
    public static boolean keepIn(Path folder) {
        if (System.getProperty(PATH_PROPERTY) != null || System.getProperty(NAME_PROPERTY) != null) {
            return false;
        }
        String version = SQLiteJDBCLoader.getVersion();
        if (version == null || version.isBlank() || "unknown".equals(version)) {
            return false;
        }
        String name = LibraryLoaderUtil.getNativeLibName();
        // Keyed by what the JVM says of the platform, which costs nothing, rather than by the driver's own
        // finer detection (musl or glibc, Android), which is the child process this class is here to avoid.
        Path dir = folder.resolve(("sqlite-jdbc-" + version + "-" + System.getProperty("os.name") + "-"
                + System.getProperty("os.arch")).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "_"));
        Path library = dir.resolve(name);
        try {
            if (!Files.isRegularFile(library)) {
                copyOutOfJar(library);
            }
        } catch (IOException | RuntimeException e) {
            // Looked up only here: this runs before the first connection, often before anything has started
            // logging, and starting it costs more than the rest of this method.
            Logger log = LoggerFactory.getLogger(SqliteNativeLibrary.class);
            log.debug("Cannot keep SQLite's native library in {}; the driver unpacks it itself", dir, e);
            return false;
        }
        System.setProperty(PATH_PROPERTY, dir.toString());
        System.setProperty(NAME_PROPERTY, name);
        return true;
    }

    /** Writes to a private temporary file, then renames it: a process starting meanwhile never sees half a library. */
    private static void copyOutOfJar(Path library) throws IOException {
        String resource = LibraryLoaderUtil.getNativeLibResourcePath() + "/" + library.getFileName();
        try (InputStream in = SQLiteJDBCLoader.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("the driver has no native library " + resource);
            }
            Files.createDirectories(library.getParent());
            Path partial = Files.createTempFile(library.getParent(), library.getFileName().toString(), ".partial");
            try {
                Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
                Files.move(partial, library, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(partial);
            }
        }
    }
}
