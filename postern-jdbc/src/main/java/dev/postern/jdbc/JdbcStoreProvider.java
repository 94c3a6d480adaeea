package dev.postern.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.postern.schema.SchemaModel;
import dev.postern.store.Store;
import dev.postern.store.StoreProvider;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Owns the connection pool of one database and opens {@link JdbcStore}s over it. The pool is created on
 * first use and shared by every store opened here and by migrations; {@link #close()} closes it, while
 * closing a store does not.
 *
 * <pre>{@code
 * try (JdbcStoreProvider db = JdbcStores.fromUrl("sqlite:./data/postern.db")) {
 *     Store store = db.open(schema);
 * }
 * }</pre>
 */
public final class JdbcStoreProvider implements StoreProvider, AutoCloseable {
    private final DatabaseUrl url;
    private final Object lock = new Object();
    private volatile HikariDataSource pool;
    private boolean closed;

    JdbcStoreProvider(DatabaseUrl url) {
        this.url = Objects.requireNonNull(url, "url");
    }

    /** The pool, created on the first call. */
    public DataSource dataSource() {
        HikariDataSource current = pool;
        if (current != null) {
            return current;
        }
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("The database pool of " + describe() + " is closed");
            }
            if (pool == null) {
                pool = HikariPools.create(url);
            }
            return pool;
        }
    }

    public Dialect dialect() {
        return url.dialect();
    }

    public DatabaseUrl url() {
        return url;
    }

    @Override
    public Store open(SchemaModel schema) {
        return new JdbcStore(dataSource(), dialect(), schema);
    }

    /** {@code SQLite ./data/postern.db}, {@code SQLite in memory}, or the JDBC URL with its password masked. */
    @Override
    public String describe() {
        if (url.dialect() == Dialect.SQLITE) {
            return url.sqliteFile() == null ? "SQLite in memory" : "SQLite " + url.sqliteFile();
        }
        return url.masked();
    }

    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            if (pool != null) {
                pool.close();
                pool = null;
            }
        }
    }

    @Override
    public String toString() {
        return "JdbcStoreProvider[" + describe() + "]";
    }
}
