package dev.postern.jdbc;

import dev.postern.crypto.Ids;
import dev.postern.jdbc.Sql.Param;
import dev.postern.jdbc.TableMapping.Column;
import dev.postern.schema.SchemaModel;
import dev.postern.store.Operator;
import dev.postern.store.Query;
import dev.postern.store.Row;
import dev.postern.store.Store;
import dev.postern.store.Where;
import dev.postern.store.Where.Condition;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * The {@link Store} over a JDBC {@link DataSource}, speaking SQLite, PostgreSQL or MySQL/MariaDB with
 * the table names, column names and value encodings better-auth uses, so the two can share a database.
 * Logical names are mapped with the schema's {@link dev.postern.schema.NamingStrategy}.
 *
 * <p>Each operation borrows a connection from the pool, except inside {@link #transaction}, where the
 * store handed to the work is bound to the transaction's connection. Closing the store does not close
 * the data source: whoever created the pool owns it ({@link JdbcStoreProvider}).
 *
 * <p>Text comparisons follow the database: {@code LIKE} ignores case on SQLite (ASCII) and on MySQL's
 * default collations, but not on PostgreSQL, exactly as with better-auth. Use
 * {@link Where#andIgnoringCase} where case must not matter everywhere.
 */
public final class JdbcStore implements Store {
    private final DataSource dataSource;
    private final Dialect dialect;
    private final SchemaModel schema;
    private final Statements statements;
    private final Map<String, TableMapping> mappings;
    /** The connection of the transaction this store is bound to, or null to borrow one per operation. */
    private final Connection transaction;

    public JdbcStore(DataSource dataSource, Dialect dialect, SchemaModel schema) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.schema = Objects.requireNonNull(schema, "schema");
        this.statements = new Statements(new ColumnCodec(dialect));
        this.mappings = new ConcurrentHashMap<>();
        this.transaction = null;
    }

    private JdbcStore(JdbcStore outer, Connection transaction) {
        this.dataSource = outer.dataSource;
        this.dialect = outer.dialect;
        this.schema = outer.schema;
        this.statements = outer.statements;
        this.mappings = outer.mappings;
        this.transaction = transaction;
    }

    public Dialect dialect() {
        return dialect;
    }

    @Override
    public Row create(String model, Map<String, Object> data) {
        TableMapping table = mapping(model);
        Map<String, Object> values = valuesToInsert(table, data);
        List<String> names = new ArrayList<>();
        List<Param> params = new ArrayList<>();
        Map<String, Object> stored = new LinkedHashMap<>();
        for (Column column : table.columns()) {
            Object value = values.get(column.field());
            stored.put(column.field(), ColumnCodec.asRead(column.type(), value));
            if (values.containsKey(column.field())) {
                names.add(column.quotedName());
                params.add(new Param(column.type(), value));
            }
        }
        Sql insert = new Sql("INSERT INTO " + table.table() + " (" + String.join(", ", names) + ") VALUES ("
                + String.join(", ", Collections.nCopies(names.size(), "?")) + ")", params);
        run(table, "create", connection -> statements.execute(connection, insert));
        return new Row(stored);
    }

    /** The caller's values made canonical, plus a generated id and the schema's defaults for absent fields. */
    private static Map<String, Object> valuesToInsert(TableMapping table, Map<String, Object> data) {
        Map<String, Object> values = new LinkedHashMap<>();
        data.forEach((field, value) -> {
            Column column = table.column(field);
            values.put(column.field(), table.canonical(column, value));
        });
        if (values.get(TableMapping.ID) == null) {
            values.put(TableMapping.ID, Ids.generate());
        }
        // One evaluation per default supplier: createdAt and updatedAt share CoreSchema.NOW and must be
        // equal on a new row, as better-auth writes one `new Date()` into both.
        Map<java.util.function.Supplier<Object>, Object> evaluated = new java.util.IdentityHashMap<>();
        for (Column column : table.columns()) {
            if (!data.containsKey(column.field()) && column.definition() != null
                    && column.definition().defaultValue() != null) {
                Object value = evaluated.computeIfAbsent(column.definition().defaultValue(), java.util.function.Supplier::get);
                values.put(column.field(), table.canonical(column, value));
            }
        }
        return values;
    }

    @Override
    public Optional<Row> findOne(String model, Where where) {
        TableMapping table = mapping(model);
        Sql select = select(table, where, List.of(), 1, null);
        return run(table, "findOne", connection -> statements.rows(connection, table, select)).stream().findFirst();
    }

    /**
     * One statement: the child row is picked in a derived table (so {@code where} keeps its unqualified
     * columns and the unique index it names), then joined to its parent by primary key.
     */
    @Override
    public Optional<WithParent> findOneWithParent(String model, Where where, String foreignKey, String parentModel) {
        TableMapping child = mapping(model);
        TableMapping parent = mapping(parentModel);
        Sql first = select(child, where, List.of(), 1, null);
        String c = dialect.quote("c");
        String p = dialect.quote("p");
        Sql joined = new Sql("SELECT " + qualifiedColumns(c, child) + ", " + qualifiedColumns(p, parent)
                + " FROM (" + first.text() + ") " + c + " JOIN " + parent.table() + " " + p
                + " ON " + p + "." + parent.id().quotedName() + " = " + c + "." + child.column(foreignKey).quotedName(),
                first.params());
        return run(child, "findOne", connection -> statements.rowWithParent(connection, child, parent, joined));
    }

    private static String qualifiedColumns(String alias, TableMapping table) {
        StringBuilder columns = new StringBuilder();
        for (Column column : table.columns()) {
            columns.append(columns.isEmpty() ? "" : ", ").append(alias).append('.').append(column.quotedName());
        }
        return columns.toString();
    }

    @Override
    public List<Row> findMany(String model, Query query) {
        TableMapping table = mapping(model);
        Sql select = select(table, query.where(), query.sort(), query.limit(), query.offset());
        return run(table, "findMany", connection -> statements.rows(connection, table, select));
    }

    @Override
    public long count(String model, Where where) {
        TableMapping table = mapping(model);
        Sql count = filtered(table, "SELECT COUNT(*) FROM " + table.table(), List.of(), where);
        return run(table, "count", connection -> statements.count(connection, count));
    }

    @Override
    public Optional<Row> update(String model, Where where, Map<String, Object> data) {
        TableMapping table = mapping(model);
        if (data.isEmpty()) {
            return findOne(model, where);
        }
        List<Param> setParams = new ArrayList<>();
        String set = assignments(table, data, setParams);
        Object knownId = idOnly(table, where);
        Sql firstId = knownId != null ? null : firstIdQuery(table, where);
        return run(table, "update", connection -> {
            Object id = knownId != null ? knownId : statements.firstValue(connection, table, table.id(), firstId);
            if (id == null) {
                return Optional.<Row>empty();
            }
            List<Param> params = new ArrayList<>(setParams);
            params.add(new Param(table.id().type(), id));
            long changed = statements.execute(connection,
                    new Sql("UPDATE " + table.table() + " SET " + set + " WHERE " + table.id().quotedName() + " = ?", params));
            if (changed == 0) {
                return Optional.<Row>empty();
            }
            Object newId = data.containsKey(TableMapping.ID) ? data.get(TableMapping.ID) : id;
            Sql reread = select(table, Where.eq(TableMapping.ID, newId), List.of(), 1, null);
            return statements.rows(connection, table, reread).stream().findFirst();
        });
    }

    @Override
    public Optional<Row> incrementOne(String model, Where where, Map<String, Long> increments, Map<String, Object> set) {
        TableMapping table = mapping(model);
        if (increments.isEmpty() && set.isEmpty()) {
            return findOne(model, where);
        }
        if (set.containsKey(TableMapping.ID) || increments.containsKey(TableMapping.ID)) {
            throw new IllegalArgumentException("incrementOne cannot change the id of " + model);
        }
        List<Param> setParams = new ArrayList<>();
        List<String> changes = new ArrayList<>();
        increments.forEach((field, delta) -> {
            Column column = table.column(field);
            changes.add(column.quotedName() + " = " + column.quotedName() + " + ?");
            setParams.add(new Param(column.type(), Objects.requireNonNull(delta, field)));
        });
        if (!set.isEmpty()) {
            changes.add(assignments(table, set, setParams));
        }
        String assignments = String.join(", ", changes);
        Object knownId = idOnly(table, where);
        Object id = knownId != null ? knownId
                : run(table, "incrementOne", connection -> statements.firstValue(connection, table, table.id(),
                        firstIdQuery(table, where)));
        if (id == null) {
            return Optional.empty();
        }
        // The guard is evaluated again by the UPDATE itself: that, not the lookup above, makes it atomic.
        Sql update = filtered(table, "UPDATE " + table.table() + " SET " + assignments, setParams,
                where.and(TableMapping.ID, Operator.EQ, id));
        Sql reread = select(table, Where.eq(TableMapping.ID, id), List.of(), 1, null);
        // One transaction, so the row read back is this change's result: the UPDATE's row lock keeps a
        // concurrent write or delete out until the read is done.
        return transaction(tx -> ((JdbcStore) tx).run(table, "incrementOne", connection -> {
            if (statements.execute(connection, update) == 0) {
                return Optional.<Row>empty();
            }
            return statements.rows(connection, table, reread).stream().findFirst();
        }));
    }

    @Override
    public long updateMany(String model, Where where, Map<String, Object> data) {
        TableMapping table = mapping(model);
        if (data.isEmpty()) {
            return 0;
        }
        List<Param> params = new ArrayList<>();
        String set = assignments(table, data, params);
        Sql update = filtered(table, "UPDATE " + table.table() + " SET " + set, params, where);
        return run(table, "updateMany", connection -> statements.execute(connection, update));
    }

    @Override
    public void delete(String model, Where where) {
        TableMapping table = mapping(model);
        Object knownId = idOnly(table, where);
        Sql firstId = knownId != null ? null : firstIdQuery(table, where);
        run(table, "delete", connection -> {
            Object id = knownId != null ? knownId : statements.firstValue(connection, table, table.id(), firstId);
            if (id == null) {
                return 0L;
            }
            return statements.execute(connection, new Sql("DELETE FROM " + table.table() + " WHERE "
                    + table.id().quotedName() + " = ?", List.of(new Param(table.id().type(), id))));
        });
    }

    @Override
    public long deleteMany(String model, Where where) {
        TableMapping table = mapping(model);
        Sql delete = filtered(table, "DELETE FROM " + table.table(), List.of(), where);
        return run(table, "deleteMany", connection -> statements.execute(connection, delete));
    }

    /**
     * Runs {@code work} on one connection in one transaction. A store that is itself bound to a
     * transaction runs {@code work} inside it, so nested calls join the outer transaction (and its
     * rollback undoes them too). Inside {@code work}, use the store passed in: this store would borrow a
     * second connection, outside the transaction (and on in-memory SQLite, whose pool holds one, wait
     * for it until the pool's timeout).
     */
    @Override
    public <T> T transaction(Function<Store, T> work) {
        if (transaction != null) {
            return work.apply(this);
        }
        Connection connection = begin();
        try {
            T result;
            try {
                result = work.apply(new JdbcStore(this, connection));
            } catch (Throwable failure) {
                rollback(connection, failure);
                throw failure;
            }
            try {
                connection.commit();
            } catch (SQLException e) {
                rollback(connection, e);
                throw SqlErrors.translateTransaction(e, dialect, "commit");
            }
            return result;
        } finally {
            release(connection);
        }
    }

    /** Does not close the pool, which the provider owns and other stores and migrations share. */
    @Override
    public void close() {
    }

    private Connection begin() {
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(false);
            return connection;
        } catch (SQLException e) {
            if (connection != null) {
                release(connection);
            }
            throw SqlErrors.translateTransaction(e, dialect, "begin");
        }
    }

    private static void rollback(Connection connection, Throwable failure) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    /** Hands the connection back to the pool in auto-commit mode; a failure here loses no data. */
    private static void release(Connection connection) {
        try (connection) {
            connection.setAutoCommit(true);
        } catch (SQLException ignored) {
            // The pool discards a connection it cannot reset; the transaction already ended.
        }
    }

    private TableMapping mapping(String model) {
        TableMapping cached = mappings.get(model);
        if (cached != null) {
            return cached;
        }
        return mappings.computeIfAbsent(model,
                m -> TableMapping.of(schema.require(m), schema.naming(), dialect));
    }

    private Sql select(TableMapping table, Where where, List<Query.Sort> sort, Integer limit, Integer offset) {
        List<Param> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder(table.selectFrom());
        new WhereSql(table, dialect).appendTo(sql, where, params);
        if (!sort.isEmpty()) {
            List<String> keys = new ArrayList<>();
            for (Query.Sort s : sort) {
                keys.add(table.column(s.field()).quotedName() + (s.direction() == Query.Direction.DESC ? " DESC" : " ASC"));
            }
            sql.append(" ORDER BY ").append(String.join(", ", keys));
        }
        sql.append(dialect.limitOffset(limit, offset));
        return new Sql(sql.toString(), params);
    }

    private Sql filtered(TableMapping table, String statement, List<Param> leadingParams, Where where) {
        List<Param> params = new ArrayList<>(leadingParams);
        StringBuilder sql = new StringBuilder(statement);
        new WhereSql(table, dialect).appendTo(sql, where, params);
        return new Sql(sql.toString(), params);
    }

    private Sql firstIdQuery(TableMapping table, Where where) {
        String selectId = "SELECT " + table.id().quotedName() + " FROM " + table.table();
        Sql filtered = filtered(table, selectId, List.of(), where);
        return new Sql(filtered.text() + dialect.limitOffset(1, null), filtered.params());
    }

    /** {@code "a" = ?, "b" = ?} for the data, with its values appended to {@code params}. */
    private static String assignments(TableMapping table, Map<String, Object> data, List<Param> params) {
        List<String> set = new ArrayList<>();
        data.forEach((field, value) -> {
            Column column = table.column(field);
            set.add(column.quotedName() + " = ?");
            params.add(new Param(column.type(), table.canonical(column, value)));
        });
        return String.join(", ", set);
    }

    /** The id when {@code where} is exactly {@code id = value}, so an update or delete needs no lookup. */
    private static Object idOnly(TableMapping table, Where where) {
        List<Condition> conditions = where.conditions();
        if (conditions.size() != 1) {
            return null;
        }
        Condition only = conditions.getFirst();
        boolean byId = only.field().equals(TableMapping.ID) && only.operator() == Operator.EQ
                && only.value() != null && !only.ignoreCase();
        return byId ? table.canonical(table.id(), only.value()) : null;
    }

    @FunctionalInterface
    private interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    private <T> T run(TableMapping table, String operation, SqlWork<T> work) {
        try {
            if (transaction != null) {
                return work.run(transaction);
            }
            try (Connection connection = dataSource.getConnection()) {
                return work.run(connection);
            }
        } catch (SQLException e) {
            throw SqlErrors.translate(e, dialect, table.model(), operation);
        }
    }
}
