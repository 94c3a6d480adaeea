package dev.postern.jdbc;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Assumptions;

/**
 * The databases tests run against: an SQLite file in a temporary folder, or a database of the test's
 * own on the local PostgreSQL (127.0.0.1:5432) and MariaDB (127.0.0.1:3306) servers, created on first
 * use so engineers running tests at the same time never share tables.
 *
 * <p>When a server is down the calling test is skipped, unless the build sets
 * {@code -Dpostern.requireServices=true} (CI does), in which case it fails and names the service.
 *
 * <pre>{@code
 * String url = TestDatabases.postgresUrl("postern_sessions_test"); // jdbc:postgresql://127.0.0.1:5432/...?user=...
 * JdbcStoreProvider db = JdbcStores.fromUrl(url);
 * }</pre>
 */
public final class TestDatabases {
    public static final String REQUIRE_SERVICES = "postern.requireServices";
    public static final String HOST = "127.0.0.1";
    /** 5432, or the system property {@code postern.test.postgresPort} (to try the skip and fail paths). */
    public static final int POSTGRES_PORT = Integer.getInteger("postern.test.postgresPort", 5432);
    /** 3306, or the system property {@code postern.test.mariadbPort}. */
    public static final int MARIADB_PORT = Integer.getInteger("postern.test.mariadbPort", 3306);
    /** The database both servers have, used to create the others. */
    private static final String ADMIN_DATABASE = "test";

    /** Databases already created in this JVM, and servers found unreachable (value: why). */
    private static final Map<String, String> READY = new ConcurrentHashMap<>();
    private static final Map<String, String> DOWN = new ConcurrentHashMap<>();

    private TestDatabases() {
    }

    /** {@code jdbc:sqlite:<folder>/<name>.db}; the file is created on first connection. */
    public static String sqliteUrl(Path folder, String name) {
        return "jdbc:sqlite:" + folder.resolve(name + ".db").toAbsolutePath();
    }

    /**
     * The JDBC URL (user included) of the PostgreSQL database {@code database}, created when missing.
     * Skips or fails the calling test when the server is unreachable.
     */
    public static String postgresUrl(String database) {
        String user = postgresUser();
        ensureDatabase("PostgreSQL", POSTGRES_PORT, postgresJdbcUrl(ADMIN_DATABASE, user), database, true);
        return postgresJdbcUrl(database, user);
    }

    /**
     * The JDBC URL (user included) of the MariaDB database {@code database}, created when missing.
     * Skips or fails the calling test when the server is unreachable.
     */
    public static String mariadbUrl(String database) {
        ensureDatabase("MariaDB", MARIADB_PORT, mariadbJdbcUrl(ADMIN_DATABASE), database, false);
        return mariadbJdbcUrl(database);
    }

    /** Whether the build asked for failures instead of skips when a service is down. */
    public static boolean servicesRequired() {
        return Boolean.getBoolean(REQUIRE_SERVICES);
    }

    /**
     * Skips the calling test, or fails it when services are required.
     *
     * @param service what is down, e.g. {@code PostgreSQL at 127.0.0.1:5432}
     * @param reason the driver's message
     */
    public static void unavailable(String service, String reason) {
        String message = service + " is not reachable: " + reason;
        if (servicesRequired()) {
            fail(message + " (" + REQUIRE_SERVICES + "=true: start the service or unset the property to skip)");
        }
        Assumptions.abort(message);
    }

    /** The user the local PostgreSQL lets in without a password: {@code postgres}, else {@code root}. */
    public static String postgresUser() {
        String known = READY.get("PostgreSQL user");
        if (known != null) {
            return known;
        }
        String service = "PostgreSQL at " + HOST + ":" + POSTGRES_PORT + " (users postgres and root, database test)";
        String down = DOWN.get("PostgreSQL");
        if (down == null) {
            for (String user : List.of("postgres", "root")) {
                try (Connection connection = DriverManager.getConnection(postgresJdbcUrl(ADMIN_DATABASE, user))) {
                    if (connection.isValid(3)) {
                        READY.put("PostgreSQL user", user);
                        return user;
                    }
                } catch (SQLException e) {
                    down = e.getMessage();
                }
            }
            DOWN.put("PostgreSQL", down);
        }
        unavailable(service, down);
        throw new IllegalStateException("unreachable");
    }

    private static String postgresJdbcUrl(String database, String user) {
        return "jdbc:postgresql://" + HOST + ":" + POSTGRES_PORT + "/" + database + "?user=" + user
                + "&connectTimeout=3&socketTimeout=60";
    }

    private static String mariadbJdbcUrl(String database) {
        return "jdbc:mariadb://" + HOST + ":" + MARIADB_PORT + "/" + database
                + "?user=root&connectTimeout=3000&socketTimeout=60000";
    }

    private static void ensureDatabase(String service, int port, String adminUrl, String database, boolean postgres) {
        if (!database.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("Test database names are lower-case identifiers: " + database);
        }
        if (READY.containsKey(service + "/" + database)) {
            return;
        }
        String where = service + " at " + HOST + ":" + port + " (database " + ADMIN_DATABASE + ")";
        if (DOWN.containsKey(service)) {
            unavailable(where, DOWN.get(service));
        }
        try (Connection connection = DriverManager.getConnection(adminUrl);
             Statement statement = connection.createStatement()) {
            if (postgres) {
                boolean exists;
                try (var rs = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
                    exists = rs.next();
                }
                if (!exists) {
                    createPostgresDatabase(statement, database);
                }
            } else {
                statement.execute("CREATE DATABASE IF NOT EXISTS " + database);
            }
            READY.put(service + "/" + database, database);
        } catch (SQLException e) {
            if (e.getSQLState() == null || e.getSQLState().startsWith("08")) {
                DOWN.put(service, String.valueOf(e.getMessage()));
                unavailable(where, e.getMessage());
            }
            throw new IllegalStateException(service + ": cannot create test database " + database + ": " + e.getMessage(), e);
        }
    }

    private static void createPostgresDatabase(Statement statement, String database) throws SQLException {
        try {
            statement.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            // Another JVM created it between our check and our CREATE: that is what we wanted.
            if (!"42P04".equals(e.getSQLState()) && !"23505".equals(e.getSQLState())) {
                throw e;
            }
        }
    }
}
