package dev.postern.jdbc;

/**
 * Where a {@link JdbcStoreProvider} comes from: a database URL as users write it in configuration.
 *
 * <pre>{@code
 * JdbcStores.fromUrl("sqlite:./data/postern.db");
 * JdbcStores.fromUrl("jdbc:postgresql://localhost:5432/app?user=app&password=secret");
 * JdbcStores.of(DatabaseUrl.parse("jdbc:mariadb://localhost/app").withCredentials("app", secret));
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
}
