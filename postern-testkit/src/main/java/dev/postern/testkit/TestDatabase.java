package dev.postern.testkit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import org.junit.jupiter.api.Assumptions;

/**
 * The real databases tests run against: an SQLite file, and the PostgreSQL and MariaDB servers on
 * 127.0.0.1. Each {@link #create()} makes a fresh, empty database so tests never see each other's rows.
 *
 * <p>A server that is down skips the test, unless the system property {@code postern.requireServices}
 * is {@code true} (CI sets it): then the test fails and names the service, so a green CI run can never
 * hide a skipped database.
 */
public enum TestDatabase {
    SQLITE,
    POSTGRES,
    MARIADB;

    public static final String REQUIRE_SERVICES = "postern.requireServices";

    private static final String PG_ADMIN = "jdbc:postgresql://127.0.0.1:5432/test";
    private static final String MARIADB_ADMIN = "jdbc:mariadb://127.0.0.1:3306/test";

    /** A database made for one test instance; {@link #drop()} removes it. */
    public record Instance(TestDatabase kind, String url, java.nio.file.Path sqliteDir, String name) {
        public void drop() {
            try {
                switch (kind) {
                    case SQLITE -> deleteTree(sqliteDir);
                    case POSTGRES -> admin(PG_ADMIN, pgUser(), "DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)");
                    case MARIADB -> admin(MARIADB_ADMIN, "root", "DROP DATABASE IF EXISTS `" + name + "`");
                }
            } catch (RuntimeException e) {
                // Dropping is housekeeping; a failure must not mask the test's own result.
            }
        }
    }

    /** Skips (or, in CI, fails) the calling test when this database's server is not reachable. */
    public void assumeAvailable() {
        if (this == SQLITE) {
            return;
        }
        String problem = unavailableReason();
        if (problem == null) {
            return;
        }
        String message = name().toLowerCase(Locale.ROOT) + " is not reachable on 127.0.0.1 (" + problem + ")";
        if (Boolean.getBoolean(REQUIRE_SERVICES)) {
            throw new AssertionError(message + "; postern.requireServices=true forbids skipping. Start it (see .ci/run).");
        }
        Assumptions.abort(message);
    }

    /** Creates a fresh empty database and returns its URL as {@code POSTERN_DATABASE_URL} accepts it. */
    public Instance create() {
        assumeAvailable();
        String name = "postern_t_" + dev.postern.crypto.Ids.random(10, "abcdefghijklmnopqrstuvwxyz0123456789");
        try {
            return switch (this) {
                case SQLITE -> {
                    java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("postern-test-");
                    yield new Instance(this, "sqlite:" + dir.resolve("postern.db"), dir, name);
                }
                case POSTGRES -> {
                    admin(PG_ADMIN, pgUser(), "CREATE DATABASE \"" + name + "\"");
                    yield new Instance(this, "jdbc:postgresql://127.0.0.1:5432/" + name + "?user=" + pgUser(), null, name);
                }
                case MARIADB -> {
                    admin(MARIADB_ADMIN, "root", "CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
                    yield new Instance(this, "jdbc:mariadb://127.0.0.1:3306/" + name + "?user=root&password=", null, name);
                }
            };
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Cannot create a temporary folder for SQLite", e);
        }
    }

    private String unavailableReason() {
        try (Connection c = connect(this == POSTGRES ? PG_ADMIN : MARIADB_ADMIN, this == POSTGRES ? pgUser() : "root")) {
            return c.isValid(2) ? null : "connection not valid";
        } catch (SQLException e) {
            return e.getMessage();
        }
    }

    private static volatile String pgUser;

    /** PostgreSQL trusts local users; the role is {@code postgres} on most machines, {@code root} on some. */
    static String pgUser() {
        if (pgUser == null) {
            for (String candidate : new String[] {"postgres", "root"}) {
                try (Connection c = connect(PG_ADMIN, candidate)) {
                    pgUser = candidate;
                    break;
                } catch (SQLException ignored) {
                    // try the next role
                }
            }
            if (pgUser == null) {
                pgUser = "postgres";
            }
        }
        return pgUser;
    }

    private static Connection connect(String url, String user) throws SQLException {
        DriverManager.setLoginTimeout(3);
        return DriverManager.getConnection(url, user, "");
    }

    private static void admin(String url, String user, String sql) {
        try (Connection c = connect(url, user); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Test database set-up failed (" + sql + "): " + e.getMessage(), e);
        }
    }

    private static void deleteTree(java.nio.file.Path dir) {
        if (dir == null) {
            return;
        }
        try (var paths = java.nio.file.Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException ignored) {
            // temp files; the OS cleans up eventually
        }
    }
}
