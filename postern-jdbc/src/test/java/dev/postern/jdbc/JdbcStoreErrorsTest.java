package dev.postern.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.postern.store.StoreException;
import dev.postern.store.StoreUnavailableException;
import dev.postern.store.UniqueViolationException;
import dev.postern.store.Where;
import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransientConnectionException;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** How driver failures surface: never as SQLException, and never with the driver's text (it may quote values). */
class JdbcStoreErrorsTest {

    @Test
    void poolTimeoutIsStoreUnavailable() {
        JdbcStore store = new JdbcStore(failing(new SQLTransientConnectionException("postern - Connection is not available")),
                Dialect.POSTGRES, ConformanceSchema.SCHEMA);

        assertThatThrownBy(() -> store.count(ConformanceSchema.GADGET, Where.all()))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("count").hasMessageContaining(ConformanceSchema.GADGET)
                .hasCauseInstanceOf(SQLTransientConnectionException.class);
    }

    @Test
    void connectionRefusedIsStoreUnavailableAlsoWhenBeginningATransaction() {
        JdbcStore store = new JdbcStore(failing(new SQLException("Connection refused", "08001")),
                Dialect.MYSQL, ConformanceSchema.SCHEMA);

        assertThatThrownBy(() -> store.transaction(tx -> tx.count(ConformanceSchema.GADGET, Where.all())))
                .isInstanceOf(StoreUnavailableException.class);
        assertThatThrownBy(() -> store.create(ConformanceSchema.GADGET, Map.of("name", "alpha")))
                .isInstanceOf(StoreUnavailableException.class);
    }

    @Test
    void uniqueViolationsAreRecognisedPerDialect() {
        SQLException postgres = new SQLException("duplicate key value violates unique constraint", "23505");
        SQLException mysql = new SQLIntegrityConstraintViolationException("Duplicate entry 'a@b.c' for key 'email'", "23000", 1062);
        SQLException sqlite = new SQLiteException("UNIQUE constraint failed: user.email", SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE);
        SQLException sqlitePrimaryKey = new SQLiteException("UNIQUE constraint failed: user.id",
                SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY);

        assertThat(SqlErrors.translate(postgres, Dialect.POSTGRES, "user", "create")).isInstanceOf(UniqueViolationException.class);
        assertThat(SqlErrors.translate(mysql, Dialect.MYSQL, "user", "create")).isInstanceOf(UniqueViolationException.class);
        assertThat(SqlErrors.translate(sqlite, Dialect.SQLITE, "user", "create")).isInstanceOf(UniqueViolationException.class);
        assertThat(SqlErrors.translate(sqlitePrimaryKey, Dialect.SQLITE, "user", "create"))
                .isInstanceOf(UniqueViolationException.class);
    }

    @Test
    void otherConstraintFailuresAreNotUniqueViolations() {
        SQLException foreignKey = new SQLiteException("FOREIGN KEY constraint failed", SQLiteErrorCode.SQLITE_CONSTRAINT_FOREIGNKEY);
        SQLException mysqlForeignKey = new SQLIntegrityConstraintViolationException("Cannot add or update", "23000", 1452);

        assertThat(SqlErrors.translate(foreignKey, Dialect.SQLITE, "session", "create"))
                .isExactlyInstanceOf(StoreException.class);
        assertThat(SqlErrors.translate(mysqlForeignKey, Dialect.MYSQL, "session", "create"))
                .isExactlyInstanceOf(StoreException.class);
    }

    @Test
    void sqliteBusyAfterTheTimeoutIsStoreUnavailable() {
        SQLException busy = new SQLiteException("database is locked", SQLiteErrorCode.SQLITE_BUSY);

        assertThat(SqlErrors.translate(busy, Dialect.SQLITE, "session", "update")).isInstanceOf(StoreUnavailableException.class);
    }

    @Test
    void messagesNameModelAndOperationButNotTheDriverText() {
        SQLException secret = new SQLIntegrityConstraintViolationException("Duplicate entry 'hunter2' for key 'token'",
                "23000", 1062);
        SQLException other = new SQLException("value 'hunter2' too long", "22001", 1406);

        StoreException unique = SqlErrors.translate(secret, Dialect.MYSQL, "session", "create");
        StoreException generic = SqlErrors.translate(other, Dialect.MYSQL, "session", "update");

        assertThat(unique.getMessage()).contains("session").contains("create").doesNotContain("hunter2");
        assertThat(generic.getMessage()).contains("session").contains("update").contains("22001").doesNotContain("hunter2");
        assertThat(generic.getCause()).isSameAs(other);
    }

    @Test
    void causesAreSearchedForTheRealReason() {
        SQLException wrapped = new SQLException("batch failed", "HY000", new SQLException("duplicate", "23505"));

        assertThat(SqlErrors.translate(wrapped, Dialect.POSTGRES, "user", "create")).isInstanceOf(UniqueViolationException.class);
    }

    private static DataSource failing(SQLException failure) {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        throw failure;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
