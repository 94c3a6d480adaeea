package dev.postern.jdbc;

import static dev.postern.jdbc.ConformanceSchema.GADGET;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The store conformance suite on the local MariaDB server (the MySQL dialect), in a database of its own. */
class MariaDbStoreConformanceTest extends StoreConformanceTest {
    static final String DATABASE = "postern_store_test";

    @Override
    protected String databaseUrl() {
        return TestDatabases.mariadbUrl(DATABASE);
    }

    @Test
    void datesAreStoredAsUtcWhateverTheSessionOfTheReader() throws SQLException {
        gadget("alpha", "seenAt", T0, "tags", List.of("x"));

        // A plain connection in another session time zone: UNIX_TIMESTAMP is zone-free, and the
        // wall-clock text in a UTC session is what better-auth (mysql2 with timezone 'Z') writes.
        try (Connection connection = DriverManager.getConnection(databaseUrl());
             Statement statement = connection.createStatement()) {
            statement.execute("SET time_zone = '+05:30'");
            try (ResultSet rs = statement.executeQuery("SELECT UNIX_TIMESTAMP(`seenAt`), JSON_VALUE(`tags`, '$[0]') FROM " + GADGET)) {
                rs.next();
                assertThat(rs.getBigDecimal(1)).isEqualByComparingTo(BigDecimal.valueOf(T0.toEpochMilli(), 3));
                assertThat(rs.getString(2)).isEqualTo("x");
            }
            statement.execute("SET time_zone = '+00:00'");
            try (ResultSet rs = statement.executeQuery("SELECT CAST(`seenAt` AS CHAR) FROM " + GADGET)) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("2026-03-04 05:06:07.891");
            }
        }
    }

    @Test
    void mysqlSchemeUrlsWorkWithTheBundledMariaDbDriver() {
        String mysqlUrl = databaseUrl().replace("jdbc:mariadb:", "jdbc:mysql:");

        try (JdbcStoreProvider mysql = JdbcStores.fromUrl(mysqlUrl)) {
            gadget("alpha");

            assertThat(mysql.dialect()).isEqualTo(Dialect.MYSQL);
            assertThat(mysql.open(ConformanceSchema.SCHEMA).count(GADGET, dev.postern.store.Where.all())).isEqualTo(1);
        }
    }
}
