package dev.postern.jdbc;

import dev.postern.schema.SchemaModel;
import dev.postern.store.Store;
import dev.postern.store.StoreProvider;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Opens {@link JdbcStore}s over a {@link DataSource} the application already has (Spring Boot's, a
 * container's JNDI pool), so Postern's tables live in the application's database and share its pool.
 * The application owns the pool: nothing here closes it.
 *
 * <p>The pool's connection settings are the application's too. On SQLite, give the JDBC URL the pragmas
 * Postern's own pools set ({@code ?foreign_keys=on&busy_timeout=5000&transaction_mode=IMMEDIATE}):
 * without foreign keys a deleted user's sessions and accounts stay behind.
 */
public final class DataSourceStoreProvider implements StoreProvider {
    private final DataSource dataSource;
    private final Dialect dialect;

    DataSourceStoreProvider(DataSource dataSource, Dialect dialect) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.dialect = Objects.requireNonNull(dialect, "dialect");
    }

    /** The dialect of a data source, read from the URL its connections report. */
    static Dialect detectDialect(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return Dialect.fromJdbcUrl(connection.getMetaData().getURL());
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot tell which database the DataSource connects to: "
                    + e.getMessage(), e);
        }
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public Dialect dialect() {
        return dialect;
    }

    @Override
    public Store open(SchemaModel schema) {
        return new JdbcStore(dataSource, dialect, schema);
    }

    @Override
    public String describe() {
        return "the application's DataSource (" + dialect.cliName() + ")";
    }
}
