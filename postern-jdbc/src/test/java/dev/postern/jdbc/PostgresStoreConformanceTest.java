package dev.postern.jdbc;

import static dev.postern.jdbc.ConformanceSchema.GADGET;
import static org.assertj.core.api.Assertions.assertThat;

import dev.postern.schema.Field;
import dev.postern.schema.FieldType;
import dev.postern.schema.SchemaModel;
import dev.postern.schema.Table;
import dev.postern.store.Store;
import dev.postern.store.Where;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The store conformance suite on the local PostgreSQL server, in a database of its own. */
class PostgresStoreConformanceTest extends StoreConformanceTest {
    static final String DATABASE = "postern_store_test";

    @Override
    protected String databaseUrl() {
        return TestDatabases.postgresUrl(DATABASE);
    }

    @Test
    void valuesAreStoredInNativeTypesAsBetterAuthStoresThem() throws SQLException {
        gadget("alpha", "seenAt", T0, "active", false, "meta", Map.of("plan", "pro"), "tags", List.of("x", "y"));

        try (Connection connection = provider().dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT extract(epoch from \"seenAt\"), \"active\", "
                     + "jsonb_typeof(\"meta\"), \"meta\"->>'plan', jsonb_typeof(\"tags\"), \"tags\"->>1 FROM " + GADGET)) {
            rs.next();
            assertThat(rs.getBigDecimal(1)).isEqualByComparingTo(BigDecimal.valueOf(T0.toEpochMilli(), 3));
            assertThat(rs.getObject(2)).isEqualTo(Boolean.FALSE);
            assertThat(rs.getString(3)).isEqualTo("object");
            assertThat(rs.getString(4)).isEqualTo("pro");
            assertThat(rs.getString(5)).isEqualTo("array");
            assertThat(rs.getString(6)).isEqualTo("y");
        }
    }

    @Test
    void plainTimestampColumnsFromOtherToolsHoldUtc() throws SQLException {
        try (Connection connection = provider().dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS \"legacyEvent\"");
            statement.execute("CREATE TABLE \"legacyEvent\" (\"id\" text PRIMARY KEY, \"at\" timestamp(3))");
        }
        SchemaModel legacy = SchemaModel.builder().table(Table.of("legacyEvent", 1, Field.of("at", FieldType.DATE))).build();
        Store store = provider().open(legacy);

        store.create("legacyEvent", Map.of("id", "e1", "at", T0));

        assertThat(store.findOne("legacyEvent", Where.eq("at", T0)).orElseThrow().instant("at")).isEqualTo(T0);
        try (Connection connection = provider().dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT CAST(\"at\" AS text) FROM \"legacyEvent\"")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("2026-03-04 05:06:07.891");
        }
    }
}
