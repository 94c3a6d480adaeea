package dev.postern.jdbc.migration;

import dev.postern.jdbc.Dialect;
import dev.postern.jdbc.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.mariadb.jdbc.MariaDbDataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteDataSource;

/**
 * Empty databases for migration tests: an SQLite file, or a database of the given name on the local
 * PostgreSQL / MariaDB server that is dropped and created again, since every migration test must start
 * from nothing. Finding the servers, and skipping or failing when they are down, is
 * {@link TestDatabases}'s job.
 */
final class MigrationDatabases {
    static final String DATABASE = "postern_migration_test";

    private MigrationDatabases() {
    }

    /** An empty database of the dialect: {@code name} on the server, or {@code name.db} in the folder. */
    static DataSource fresh(Dialect dialect, Path folder, String name) {
        return switch (dialect) {
            case SQLITE -> sqlite(folder.resolve(name + ".db"));
            case POSTGRES -> postgres(name);
            case MYSQL -> mariadb(name);
        };
    }

    static DataSource sqlite(Path file) {
        SQLiteDataSource dataSource = new SQLiteDataSource();
        dataSource.setUrl("jdbc:sqlite:" + file);
        dataSource.setEnforceForeignKeys(true);
        return dataSource;
    }

    static DataSource postgres(String database) {
        TestDatabases.postgresUrl(database);
        PGSimpleDataSource admin = new PGSimpleDataSource();
        admin.setUrl(TestDatabases.postgresUrl("test"));
        // (force) ends sessions a failed earlier run may have left open.
        execute(admin, "drop database if exists " + database + " with (force)", "create database " + database);
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(TestDatabases.postgresUrl(database));
        return dataSource;
    }

    static DataSource mariadb(String database) {
        TestDatabases.mariadbUrl(database);
        execute(mariadbSource("test"), "drop database if exists " + database, "create database " + database);
        return mariadbSource(database);
    }

    /** The URL better-auth's {@code pg} driver takes. */
    static String postgresNodeUrl(String database) {
        return "postgres://" + TestDatabases.postgresUser() + "@" + TestDatabases.HOST + ":"
                + TestDatabases.POSTGRES_PORT + "/" + database;
    }

    /** The URL better-auth's {@code mysql2} driver takes. */
    static String mariadbNodeUrl(String database) {
        return "mysql://root@" + TestDatabases.HOST + ":" + TestDatabases.MARIADB_PORT + "/" + database;
    }

    private static DataSource mariadbSource(String database) {
        try {
            return new MariaDbDataSource(TestDatabases.mariadbUrl(database));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void execute(DataSource dataSource, String... statements) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot recreate the test database: " + e.getMessage(), e);
        }
    }
}
