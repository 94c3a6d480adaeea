package dev.postern.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postern.jdbc.migration.Migrator;
import dev.postern.schema.CoreSchema;
import dev.postern.store.Operator;
import dev.postern.store.Row;
import dev.postern.store.Store;
import dev.postern.store.Where;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SQLite has no date or boolean type, so the encoding is a contract with better-auth: rows it wrote
 * (ISO text dates, 0/1 integers, JSON text) must read back as Instant and Boolean, and rows Postern
 * writes must look exactly like those. The raw rows here are inserted with plain JDBC, as
 * better-auth 1.7 with better-sqlite3 writes them.
 */
class SqliteBetterAuthRowsTest {
    @TempDir
    Path folder;

    private JdbcStoreProvider provider;
    private Store store;

    @BeforeEach
    void open() {
        provider = JdbcStores.fromUrl("sqlite:" + folder.resolve("better-auth.db"));
        new Migrator(provider.dataSource(), provider.dialect(), ConformanceSchema.SCHEMA).migrate();
        store = provider.open(ConformanceSchema.SCHEMA);
    }

    @AfterEach
    void close() {
        provider.close();
    }

    @Test
    void rowWrittenByBetterAuthReadsBackAsInstantsAndBooleans() throws SQLException {
        execute("INSERT INTO \"user\" (\"id\", \"name\", \"email\", \"emailVerified\", \"image\", \"createdAt\", \"updatedAt\") "
                + "VALUES ('u1', 'Ada', 'ada@example.com', 1, NULL, '2026-11-26T18:06:06.303Z', '2026-11-26T18:06:06.303Z')");
        execute("INSERT INTO \"session\" (\"id\", \"expiresAt\", \"token\", \"createdAt\", \"updatedAt\", \"ipAddress\", "
                + "\"userAgent\", \"userId\") VALUES ('s1', '2026-12-03T18:06:06.303Z', 'tok', '2026-11-26T18:06:06.303Z', "
                + "'2026-11-26T18:06:06.303Z', '127.0.0.1', 'node', 'u1')");

        Row user = store.findOne(CoreSchema.USER, Where.eq("email", "ada@example.com")).orElseThrow();
        Row session = store.findOne(CoreSchema.SESSION, Where.eq("token", "tok")).orElseThrow();

        assertThat(user.get("emailVerified")).isEqualTo(Boolean.TRUE);
        assertThat(user.get("createdAt")).isEqualTo(Instant.parse("2026-11-26T18:06:06.303Z"));
        assertThat(user.get("image")).isNull();
        assertThat(session.get("expiresAt")).isEqualTo(Instant.parse("2026-12-03T18:06:06.303Z"));
        assertThat(session.string("userId")).isEqualTo("u1");
    }

    @Test
    void whereClausesCompareWithBetterAuthEncodedValues() throws SQLException {
        execute("INSERT INTO \"user\" (\"id\", \"name\", \"email\", \"emailVerified\", \"createdAt\", \"updatedAt\") VALUES "
                + "('u1', 'Ada', 'ada@example.com', 1, '2026-11-26T18:06:06.303Z', '2026-11-26T18:06:06.303Z'), "
                + "('u2', 'Bob', 'bob@example.com', 0, '2026-11-27T18:06:06.303Z', '2026-11-27T18:06:06.303Z')");

        assertThat(store.findMany(CoreSchema.USER, dev.postern.store.Query.where(Where.eq("emailVerified", false))))
                .extracting(row -> row.id()).containsExactly("u2");
        assertThat(store.count(CoreSchema.USER, Where.of("createdAt", Operator.GT, Instant.parse("2026-11-27T00:00:00Z"))))
                .isEqualTo(1);
    }

    @Test
    void datesWrittenByOtherToolsAreReadTolerantly() throws SQLException {
        execute("INSERT INTO \"user\" (\"id\", \"name\", \"email\", \"emailVerified\", \"createdAt\", \"updatedAt\") VALUES "
                + "('u1', 'Ada', 'ada@example.com', 0, '2026-11-26 18:06:06', 1795716366303), "
                + "('u2', 'Bob', 'bob@example.com', 0, '2026-11-26 18:06:06.303', '2026-11-26T19:06:06.303+01:00')");

        Row ada = store.findOne(CoreSchema.USER, Where.eq("id", "u1")).orElseThrow();
        Row bob = store.findOne(CoreSchema.USER, Where.eq("id", "u2")).orElseThrow();

        assertThat(ada.instant("createdAt")).isEqualTo(Instant.parse("2026-11-26T18:06:06Z"));
        assertThat(ada.instant("updatedAt")).isEqualTo(Instant.parse("2026-11-26T18:06:06.303Z"));
        assertThat(bob.instant("createdAt")).isEqualTo(Instant.parse("2026-11-26T18:06:06.303Z"));
        assertThat(bob.instant("updatedAt")).isEqualTo(Instant.parse("2026-11-26T18:06:06.303Z"));
    }

    @Test
    void rowsWrittenByPosternUseBetterAuthEncodings() throws SQLException {
        store.create(CoreSchema.USER, Map.of("id", "u1", "name", "Ada", "email", "ada@example.com",
                "createdAt", Instant.parse("2026-11-26T18:06:06Z")));
        store.create(ConformanceSchema.GADGET, Map.of("id", "g1", "name", "alpha", "active", true, "score", 3,
                "meta", Map.of("plan", "pro"), "tags", List.of("x", "y"), "lucky", List.of(7)));

        try (Connection connection = provider.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery("SELECT \"emailVerified\", typeof(\"emailVerified\"), "
                    + "\"createdAt\", typeof(\"createdAt\"), \"updatedAt\" FROM \"user\"")) {
                rs.next();
                assertThat(rs.getObject(1)).isEqualTo(0);
                assertThat(rs.getString(2)).isEqualTo("integer");
                assertThat(rs.getString(3)).isEqualTo("2026-11-26T18:06:06.000Z");
                assertThat(rs.getString(4)).isEqualTo("text");
                assertThat(rs.getString(5)).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
            }
            try (ResultSet rs = statement.executeQuery("SELECT \"active\", \"score\", typeof(\"score\"), \"meta\", "
                    + "\"tags\", \"lucky\" FROM \"gadget\"")) {
                rs.next();
                assertThat(rs.getObject(1)).isEqualTo(1);
                assertThat(rs.getObject(2)).isEqualTo(3);
                assertThat(rs.getString(3)).isEqualTo("integer");
                assertThat(rs.getString(4)).isEqualTo("{\"plan\":\"pro\"}");
                assertThat(rs.getString(5)).isEqualTo("[\"x\",\"y\"]");
                assertThat(rs.getString(6)).isEqualTo("[7]");
            }
        }
    }

    @Test
    void fractionalNumbersReadBackAsDouble() {
        Row row = store.create(ConformanceSchema.GADGET, Map.of("name", "alpha", "score", 2.5));

        assertThat(row.get("score")).isEqualTo(2.5);
        assertThat(store.findOne(ConformanceSchema.GADGET, Where.eq("id", row.id())).orElseThrow().get("score"))
                .isEqualTo(2.5);
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = provider.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
