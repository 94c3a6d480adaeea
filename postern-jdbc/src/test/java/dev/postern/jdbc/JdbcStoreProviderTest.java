package dev.postern.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.postern.jdbc.migration.Migrator;
import dev.postern.store.Row;
import dev.postern.store.Store;
import dev.postern.store.Where;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The provider: URLs it accepts, what it describes, and the SQLite pool it sets up. */
class JdbcStoreProviderTest {
    @TempDir
    Path folder;

    @Test
    void fromUrlAcceptsEverySupportedFormWithoutConnecting() {
        assertThat(JdbcStores.fromUrl("sqlite:./data/postern.db").dialect()).isEqualTo(Dialect.SQLITE);
        assertThat(JdbcStores.fromUrl("jdbc:sqlite:/tmp/x.db").dialect()).isEqualTo(Dialect.SQLITE);
        assertThat(JdbcStores.fromUrl("jdbc:postgresql://127.0.0.1:1/db").dialect()).isEqualTo(Dialect.POSTGRES);
        assertThat(JdbcStores.fromUrl("jdbc:mariadb://127.0.0.1:1/db").dialect()).isEqualTo(Dialect.MYSQL);
        assertThat(JdbcStores.fromUrl("jdbc:mysql://127.0.0.1:1/db").dialect()).isEqualTo(Dialect.MYSQL);
        assertThatThrownBy(() -> JdbcStores.fromUrl("jdbc:oracle:thin:@x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void describeNamesTheFileOrMasksThePassword() {
        assertThat(JdbcStores.fromUrl("sqlite:./data/postern.db").describe()).isEqualTo("SQLite ./data/postern.db");
        assertThat(JdbcStores.fromUrl("jdbc:sqlite::memory:").describe()).isEqualTo("SQLite in memory");
        assertThat(JdbcStores.fromUrl("jdbc:postgresql://db:5432/app?user=app&password=secret").describe())
                .contains("jdbc:postgresql://db:5432/app").doesNotContain("secret");
        assertThat(JdbcStores.fromUrl("postgres://app:secret@db:5432/app").describe()).doesNotContain("secret");
    }

    @Test
    void sqliteFileAndItsFoldersAreCreatedOnFirstUse() {
        Path file = folder.resolve("nested/deeper/postern.db");

        try (JdbcStoreProvider provider = JdbcStores.fromUrl("sqlite:" + file)) {
            migrate(provider).create(ConformanceSchema.GADGET, Map.of("name", "alpha"));
        }

        assertThat(Files.exists(file)).isTrue();
    }

    @Test
    void everySqliteConnectionHasForeignKeysWalAndABusyTimeout() throws SQLException {
        try (JdbcStoreProvider provider = JdbcStores.fromUrl("sqlite:" + folder.resolve("pragmas.db"));
             Connection connection = provider.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            assertThat(pragma(statement, "foreign_keys")).isEqualTo("1");
            assertThat(pragma(statement, "journal_mode")).isEqualTo("wal");
            assertThat(pragma(statement, "busy_timeout")).isEqualTo("5000");
        }
    }

    @Test
    void inMemorySqliteKeepsItsDataAcrossOperationsAndTransactions() {
        try (JdbcStoreProvider provider = JdbcStores.fromUrl("jdbc:sqlite::memory:")) {
            Store store = migrate(provider);
            Row created = store.create(ConformanceSchema.GADGET, Map.of("name", "alpha"));
            store.transaction(tx -> tx.create(ConformanceSchema.GADGET, Map.of("name", "beta")));

            assertThat(store.findOne(ConformanceSchema.GADGET, Where.eq("id", created.id()))).contains(created);
            assertThat(store.count(ConformanceSchema.GADGET, Where.all())).isEqualTo(2);
        }
    }

    @Test
    void closedProviderRefusesToHandOutItsPool() {
        JdbcStoreProvider provider = JdbcStores.fromUrl("jdbc:sqlite::memory:");
        provider.dataSource();
        provider.close();

        assertThatThrownBy(provider::dataSource).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    @Test
    void dataSourceIsCreatedOnceAndShared() {
        try (JdbcStoreProvider provider = JdbcStores.fromUrl("jdbc:sqlite::memory:")) {
            assertThat(provider.dataSource()).isSameAs(provider.dataSource());
        }
    }

    private static Store migrate(JdbcStoreProvider provider) {
        new Migrator(provider.dataSource(), provider.dialect(), ConformanceSchema.SCHEMA).migrate();
        return provider.open(ConformanceSchema.SCHEMA);
    }

    private static String pragma(Statement statement, String name) throws SQLException {
        try (ResultSet rs = statement.executeQuery("PRAGMA " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
