package dev.postern.jdbc;

import javax.sql.DataSource;

/**
 * Where a {@link JdbcStoreProvider} comes from: a database URL as users write it in configuration.
 *
 * <pre>{@code
 * JdbcStores.fromUrl("sqlite:./data/postern.db");
 * JdbcStores.fromUrl("jdbc:postgresql://localhost:5432/app?user=app&password=secret");
 * JdbcStores.of(DatabaseUrl.parse("jdbc:mariadb://localhost/app").withCredentials("app", secret));
 * JdbcStores.fromDataSource(applicationDataSource);
 * }</pre>
 */
public final class JdbcStores {

    private JdbcStores() {
    }

    /**
     * A provider for {@code sqlite:<file>}, {@code jdbc:sqlite:...}, {@code jdbc:postgresql://...},
     * {@code jdbc:mariadb://...} or {@code jdbc:mysql://...}. No connection is made until the first use.
     *
     * @throws IllegalArgumentException for an empty URL or an unsupported database
     */
    public static JdbcStoreProvider fromUrl(String url) {
        return of(DatabaseUrl.parse(url));
    }

    public static JdbcStoreProvider of(DatabaseUrl url) {
        return new JdbcStoreProvider(url);
    }

    /**
     * A provider over the application's own pool, which it keeps owning. The database kind is read from
     * one connection's metadata, so the database must answer now.
     *
     * @throws IllegalStateException when no connection can be made
     * @throws IllegalArgumentException for a database Postern does not support
     */
    public static DataSourceStoreProvider fromDataSource(DataSource dataSource) {
        return new DataSourceStoreProvider(dataSource, DataSourceStoreProvider.detectDialect(dataSource));
    }

    /** A provider over the application's own pool, for a database of a known kind (no connection made). */
    public static DataSourceStoreProvider fromDataSource(DataSource dataSource, Dialect dialect) {
        return new DataSourceStoreProvider(dataSource, dialect);
    }
}
