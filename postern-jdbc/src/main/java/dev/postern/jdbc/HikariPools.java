package dev.postern.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.Locale;
import org.sqlite.SQLiteConfig;

/**
 * Builds the connection pool for a {@link DatabaseUrl} with settings that suit each database, so a
 * bare URL gives a working, safe pool: SQLite with foreign keys, WAL and a busy timeout on every
 * connection; PostgreSQL and MySQL/MariaDB sessions in UTC, since zone-less timestamp columns are
 * written and read in the session's time zone.
 */
final class HikariPools {
    static final String POOL_NAME = "postern";
    /** How long a connection stays locked out by another SQLite writer before giving up. */
    static final int SQLITE_BUSY_TIMEOUT_MILLIS = 5000;
    /** WAL lets readers run beside one writer; more connections would only queue on the write lock. */
    static final int SQLITE_POOL_SIZE = 4;
    static final int SERVER_POOL_SIZE = 10;
    /**
     * How long a request waits for a connection before it is answered 503 {@code DATABASE_UNAVAILABLE}.
     * Short, because while the database is down every request waits this long; the pool keeps trying to
     * reconnect in the background, so service resumes by itself once the database is back. Not shorter:
     * a burst of sign-ups on a busy machine (50 at once in the concurrency test) must queue, not fail.
     */
    static final long CONNECTION_TIMEOUT_MILLIS = 5_000;
    /** How long checking a borrowed connection may take; a dead one is replaced rather than handed out. */
    static final long VALIDATION_TIMEOUT_MILLIS = 1_000;

    private HikariPools() {
    }

    static HikariDataSource create(DatabaseUrl url) {
        DatabaseUrl resolved = url.withUserInfoAsCredentials();
        HikariConfig config = new HikariConfig();
        config.setPoolName(POOL_NAME);
        config.setJdbcUrl(resolved.jdbcUrl());
        config.setConnectionTimeout(CONNECTION_TIMEOUT_MILLIS);
        config.setValidationTimeout(VALIDATION_TIMEOUT_MILLIS);
        // Start even when the server is still down; operations then fail as StoreUnavailableException.
        config.setInitializationFailTimeout(-1);
        if (resolved.user() != null) {
            config.setUsername(resolved.user());
        }
        if (resolved.password() != null) {
            config.setPassword(resolved.password());
        }
        switch (resolved.dialect()) {
            case SQLITE -> configureSqlite(config, resolved);
            case POSTGRES -> configurePostgres(config);
            case MYSQL -> configureMysql(config, resolved);
        }
        return new HikariDataSource(config);
    }

    private static void configureSqlite(HikariConfig config, DatabaseUrl url) {
        url.prepare();
        SQLiteConfig pragmas = new SQLiteConfig();
        pragmas.enforceForeignKeys(true);
        pragmas.setBusyTimeout(SQLITE_BUSY_TIMEOUT_MILLIS);
        // A transaction takes the write lock when it begins, so two transactions that read and then
        // write wait for each other (busy timeout) instead of one failing with SQLITE_BUSY_SNAPSHOT.
        pragmas.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        if (url.sqliteFile() != null) {
            pragmas.setJournalMode(SQLiteConfig.JournalMode.WAL);
            config.setMaximumPoolSize(SQLITE_POOL_SIZE);
        } else {
            // Each connection to :memory: opens its own empty database: keep exactly one, forever.
            config.setMaximumPoolSize(1);
            config.setMinimumIdle(1);
            config.setMaxLifetime(0);
            config.setIdleTimeout(0);
        }
        config.setDataSourceProperties(pragmas.toProperties());
    }

    private static void configurePostgres(HikariConfig config) {
        config.setMaximumPoolSize(SERVER_POOL_SIZE);
        // timestamptz columns do not care, but a database whose dates are plain "timestamp" (older
        // better-auth, other tools) would otherwise store wall-clock time in the JVM's zone.
        config.setConnectionInitSql("SET TIME ZONE 'UTC'");
    }

    private static void configureMysql(HikariConfig config, DatabaseUrl url) {
        config.setMaximumPoolSize(SERVER_POOL_SIZE);
        config.setConnectionInitSql("SET time_zone = '+00:00'");
        String jdbcUrl = url.jdbcUrl();
        if (jdbcUrl.toLowerCase(Locale.ROOT).startsWith("jdbc:mysql:")) {
            if (mysqlDriverPresent()) {
                config.addDataSourceProperty("connectionTimeZone", "UTC");
                config.addDataSourceProperty("forceConnectionTimeZoneToSession", "true");
            } else {
                // The bundled MariaDB driver speaks to MySQL too, but answers only to its own scheme.
                config.setJdbcUrl("jdbc:mariadb:" + jdbcUrl.substring("jdbc:mysql:".length()));
            }
        }
    }

    private static boolean mysqlDriverPresent() {
        try {
            Class.forName("com.mysql.cj.jdbc.Driver", false, HikariPools.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
