package dev.postern.jdbc;

import dev.postern.schema.Field;
import dev.postern.schema.FieldType;
import dev.postern.schema.NamingStrategy;
import dev.postern.schema.Table;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One model of the schema as the database sees it: quoted physical table and column names, and the
 * SQL fragments every query on it starts with. Built once per model and cached by the store, since
 * looking a session up by its token runs on nearly every request.
 */
final class TableMapping {
    static final String ID = "id";

    private final String model;
    private final String table;
    private final List<Column> columns;
    private final Map<String, Column> byField;
    private final String selectFrom;

    /** A column of the table: the logical field, its type and its quoted physical name. */
    record Column(String field, FieldType type, String quotedName, Field definition) {
    }

    private TableMapping(String model, String table, List<Column> columns) {
        this.model = model;
        this.table = table;
        this.columns = List.copyOf(columns);
        Map<String, Column> map = new LinkedHashMap<>();
        columns.forEach(c -> map.put(c.field(), c));
        this.byField = Collections.unmodifiableMap(map);
        this.selectFrom = "SELECT " + columns.stream().map(Column::quotedName).collect(Collectors.joining(", "))
                + " FROM " + table;
    }

    /** The mapping of {@code definition}; the implicit {@code id} primary key comes first. */
    static TableMapping of(Table definition, NamingStrategy naming, Dialect dialect) {
        String model = definition.name();
        List<Column> columns = new ArrayList<>();
        if (definition.field(ID).isEmpty()) {
            columns.add(new Column(ID, FieldType.STRING, dialect.quote(naming.column(model, ID)), null));
        }
        for (Field field : definition.fields()) {
            columns.add(new Column(field.name(), field.type(), dialect.quote(naming.column(model, field.name())), field));
        }
        return new TableMapping(model, dialect.quote(naming.table(model)), columns);
    }

    String model() {
        return model;
    }

    /** The quoted physical table name. */
    String table() {
        return table;
    }

    /** Every column, in the order {@link #selectFrom()} lists them. */
    List<Column> columns() {
        return columns;
    }

    /** {@code SELECT "id", "name", ... FROM "user"}. */
    String selectFrom() {
        return selectFrom;
    }

    Column id() {
        return byField.get(ID);
    }

    /**
     * The column of a logical field.
     *
     * @throws IllegalArgumentException for a field the model does not have: a programming error
     */
    Column column(String field) {
        Column column = byField.get(field);
        if (column == null) {
            throw new IllegalArgumentException("Unknown field '" + field + "' on model '" + model + "'; known: "
                    + byField.keySet());
        }
        return column;
    }

    /**
     * The canonical Java value of {@code value} for {@code column}.
     *
     * @throws IllegalArgumentException naming model and field when the value does not fit the type
     */
    Object canonical(Column column, Object value) {
        try {
            return JavaValues.canonical(column.type(), value);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new IllegalArgumentException("Field " + model + "." + column.field() + " (" + column.type() + "): "
                    + e.getMessage(), e);
        }
    }
}
