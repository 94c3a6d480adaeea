package dev.postern.jdbc;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;

/**
 * Run in a JVM of its own by {@link SqliteNativeLibraryTest}, because the driver loads its library once per
 * JVM: keeps the library in the folder given, opens a connection, and prints what it kept and which SQLite
 * library files the process has mapped.
 */
final class SqliteNativeLibraryProbe {
    private SqliteNativeLibraryProbe() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println("kept=" + SqliteNativeLibrary.keepIn(Path.of(args[0])));
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite::memory:");
             ResultSet version = connection.createStatement().executeQuery("select sqlite_version()")) {
            version.next();
            System.out.println("sqlite=" + version.getString(1));
        }
        for (String line : Files.readAllLines(Path.of("/proc/self/maps"))) {
            if (line.contains("sqlitejdbc")) {
                System.out.println("mapped=" + line.substring(line.indexOf('/')));
            }
        }
    }
}
