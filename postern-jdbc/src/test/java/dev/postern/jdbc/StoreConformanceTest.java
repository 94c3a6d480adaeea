package dev.postern.jdbc;

import dev.postern.jdbc.migration.Migrator;
import dev.postern.store.Store;
import dev.postern.store.Where;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.TimeZone;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * The store conformance suite: the same tests against every database the JDBC store supports, one
 * subclass per database. The tests live in the interfaces this class implements, grouped by topic; this
 * class opens the database once per subclass, recreates the tables with the {@link Migrator}, and
 * empties them before each test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StoreConformanceTest
        implements CreateConformance, WhereConformance, QueryConformance, WriteConformance, IncrementConformance,
        TransactionConformance, JoinConformance {
    /**
     * A zone far from UTC (+12:45/+13:45) for the JVM while the suite runs, so a date that passes through
     * the JVM's default zone anywhere on its way to or from the database shows up as a failure.
     */
    private static final TimeZone FAR_FROM_UTC = TimeZone.getTimeZone("Pacific/Chatham");

    private JdbcStoreProvider provider;
    private Store store;
    private TimeZone originalZone;

    /** The JDBC URL of a database this test may drop tables in; skips the class when it is down. */
    protected abstract String databaseUrl();

    @BeforeAll
    void openStoreOnFreshTables() throws SQLException {
        originalZone = TimeZone.getDefault();
        TimeZone.setDefault(FAR_FROM_UTC);
        provider = JdbcStores.fromUrl(databaseUrl());
        dropTables();
        new Migrator(provider.dataSource(), provider.dialect(), ConformanceSchema.SCHEMA).migrate();
        store = provider.open(ConformanceSchema.SCHEMA);
    }

    @BeforeEach
    void emptyTables() {
        for (String table : ConformanceSchema.TABLES_CHILDREN_FIRST) {
            store.deleteMany(table, Where.all());
        }
    }

    @AfterAll
    void closeProvider() {
        if (provider != null) {
            provider.close();
        }
        if (originalZone != null) {
            TimeZone.setDefault(originalZone);
        }
    }

    @Override
    public Store store() {
        return store;
    }

    @Override
    public JdbcStoreProvider provider() {
        return provider;
    }

    @Override
    public Dialect dialect() {
        return provider.dialect();
    }

    private void dropTables() throws SQLException {
        try (Connection connection = provider.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            for (String table : ConformanceSchema.TABLES_CHILDREN_FIRST) {
                String quoted = provider.dialect().quote(ConformanceSchema.SCHEMA.naming().table(table));
                statement.execute("DROP TABLE IF EXISTS " + quoted
                        + (provider.dialect() == Dialect.POSTGRES ? " CASCADE" : ""));
            }
        }
    }
}
