package dev.postern.jdbc.migration;

import dev.postern.jdbc.Dialect;
import dev.postern.schema.SchemaModel;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a database up to the schema model by adding what is missing: tables, columns and indexes,
 * with the same names and column types better-auth's own migrator uses, so a database created by
 * either is up to date for the other. It never drops or alters anything.
 *
 * <pre>{@code
 * MigrationPlan applied = new Migrator(dataSource, Dialect.POSTGRES, schema).migrate();
 * String ddl = Migrator.generate(Dialect.SQLITE, schema); // for wrangler d1 migrations
 * }</pre>
 */
public final class Migrator {
    private static final Logger LOG = LoggerFactory.getLogger(Migrator.class);
    /** Serialises concurrent migrations of several instances starting at once against PostgreSQL. */
    private static final long POSTGRES_LOCK_KEY = 0x706f7374_65726e4dL;

    private final DataSource dataSource;
    private final Dialect dialect;
    private final MigrationPlanner planner;
    private final SchemaReader reader;

    public Migrator(DataSource dataSource, Dialect dialect, SchemaModel schema) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.planner = new MigrationPlanner(dialect, Objects.requireNonNull(schema, "schema"));
        this.reader = SchemaReader.forDialect(dialect);
    }

    /** The DDL that creates the whole schema in an empty database, one statement per paragraph. */
    public static String generate(Dialect dialect, SchemaModel schema) {
        Objects.requireNonNull(dialect, "dialect");
        Objects.requireNonNull(schema, "schema");
        return new MigrationPlanner(dialect, schema).plan(LiveSchema.empty(), table -> false).script();
    }

    /** Compares the live database with the schema model; changes nothing. */
    public MigrationPlan plan() {
        try (Connection connection = dataSource.getConnection()) {
            return plan(connection);
        } catch (SQLException e) {
            throw new MigrationException("Cannot read the database schema: " + e.getMessage(), e);
        }
    }

    /**
     * Plans and applies the changes. On SQLite and PostgreSQL, whose DDL is transactional, all of them
     * commit together or not at all; MySQL commits each DDL statement by itself, so there they run in
     * order and a failure leaves the earlier ones applied (running again picks up from there).
     *
     * @return what was applied; empty when the database was up to date
     */
    public MigrationPlan migrate() {
        try (Connection connection = dataSource.getConnection()) {
            boolean transactional = dialect != Dialect.MYSQL;
            boolean autoCommit = connection.getAutoCommit();
            if (transactional) {
                connection.setAutoCommit(false);
            }
            try {
                if (dialect == Dialect.POSTGRES) {
                    try (Statement lock = connection.createStatement()) {
                        lock.execute("select pg_advisory_xact_lock(" + POSTGRES_LOCK_KEY + ")");
                    }
                }
                MigrationPlan plan = plan(connection);
                apply(connection, plan);
                if (transactional) {
                    connection.commit();
                }
                if (plan.isEmpty()) {
                    LOG.debug("Database schema is up to date");
                }
                return plan;
            } catch (SQLException | RuntimeException e) {
                if (transactional) {
                    connection.rollback();
                }
                throw e;
            } finally {
                if (transactional) {
                    connection.setAutoCommit(autoCommit);
                }
            }
        } catch (SQLException e) {
            throw new MigrationException("Cannot migrate the database: " + e.getMessage(), e);
        }
    }

    private MigrationPlan plan(Connection connection) throws SQLException {
        LiveSchema live = reader.read(connection, planner.tableNames());
        return planner.plan(live, table -> {
            try {
                return reader.hasRows(connection, table);
            } catch (SQLException e) {
                throw new MigrationException("Cannot check whether table " + table + " has rows: " + e.getMessage(), e);
            }
        });
    }

    private static void apply(Connection connection, MigrationPlan plan) {
        try (Statement statement = connection.createStatement()) {
            for (Change change : plan.changes()) {
                LOG.info("Migration: {}", change.describe());
                try {
                    statement.execute(change.sql());
                } catch (SQLException e) {
                    throw new MigrationException("Migration step '" + change.describe() + "' failed: " + e.getMessage()
                            + "\nStatement: " + change.sql(), e);
                }
            }
        } catch (SQLException e) {
            throw new MigrationException("Cannot run migration statements: " + e.getMessage(), e);
        }
    }
}
