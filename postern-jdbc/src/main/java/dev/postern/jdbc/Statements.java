package dev.postern.jdbc;

import dev.postern.jdbc.Sql.Param;
import dev.postern.jdbc.TableMapping.Column;
import dev.postern.store.Row;
import dev.postern.store.Store.WithParent;
import dev.postern.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Runs {@link Sql} on a connection: binds its values with the dialect's codec and reads rows back. */
final class Statements {
    private final ColumnCodec codec;

    Statements(ColumnCodec codec) {
        this.codec = codec;
    }

    /** Rows of a query that selects {@link TableMapping#columns()} in order. */
    List<Row> rows(Connection connection, TableMapping table, Sql sql) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql); ResultSet rs = statement.executeQuery()) {
            List<Row> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(row(rs, 1, table));
            }
            return rows;
        }
    }

    /** The first row of a query selecting the child's columns, then the parent's, as one pair. */
    Optional<WithParent> rowWithParent(Connection connection, TableMapping child, TableMapping parent, Sql sql)
            throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql); ResultSet rs = statement.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            return Optional.of(new WithParent(row(rs, 1, child), row(rs, 1 + child.columns().size(), parent)));
        }
    }

    /** The row of {@code table} whose columns start at result column {@code first}. */
    private Row row(ResultSet rs, int first, TableMapping table) throws SQLException {
        List<Column> columns = table.columns();
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            Column column = columns.get(i);
            values.put(column.field(), read(rs, first + i, table, column));
        }
        return new Row(values);
    }

    /** The first column of the first row, read as a value of {@code column}, or null when there is no row. */
    Object firstValue(Connection connection, TableMapping table, Column column, Sql sql) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql); ResultSet rs = statement.executeQuery()) {
            return rs.next() ? read(rs, 1, table, column) : null;
        }
    }

    long count(Connection connection, Sql sql) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql); ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Runs an INSERT, UPDATE or DELETE; returns the rows it matched. */
    long execute(Connection connection, Sql sql) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql)) {
            return statement.executeUpdate();
        }
    }

    private PreparedStatement prepare(Connection connection, Sql sql) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql.text());
        try {
            List<Param> params = sql.params();
            for (int i = 0; i < params.size(); i++) {
                Param param = params.get(i);
                codec.bind(statement, i + 1, param.type(), param.value());
            }
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }

    private Object read(ResultSet rs, int index, TableMapping table, Column column) throws SQLException {
        try {
            return codec.read(rs, index, column.type());
        } catch (IllegalArgumentException e) {
            // A row written by hand or by another tool; say where, but not what (it may be a secret).
            throw new StoreException("Model '" + table.model() + "' field '" + column.field()
                    + "' holds a value that is not a valid " + column.type() + ": " + e.getMessage(), e);
        }
    }
}
