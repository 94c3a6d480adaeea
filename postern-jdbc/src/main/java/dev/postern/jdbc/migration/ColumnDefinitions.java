package dev.postern.jdbc.migration;

import dev.postern.jdbc.Dialect;
import dev.postern.schema.Field;
import dev.postern.schema.FieldType;
import dev.postern.schema.NamingStrategy;
import dev.postern.schema.Table;
import java.util.Objects;

/**
 * Turns fields of the schema model into {@link ColumnDefinition}s in physical names, once for a new
 * table and once for a column added to an existing table, where SQL imposes different rules.
 */
final class ColumnDefinitions {
    private final Dialect dialect;
    private final NamingStrategy naming;

    ColumnDefinitions(Dialect dialect, NamingStrategy naming) {
        this.dialect = dialect;
        this.naming = naming;
    }

    ColumnDefinition primaryKey() {
        return new ColumnDefinition("id", ColumnTypes.id(dialect), true, true, false, null, null);
    }

    /**
     * A column of a new table. Like better-auth, only "now" dates get a database default; other
     * defaults are applied by the store when it writes, so the DDL stays the same as theirs.
     */
    ColumnDefinition forNewTable(Table table, Field field) {
        return new ColumnDefinition(column(table, field), ColumnTypes.of(dialect, field), field.required(),
                false, field.unique(), timestampDefault(field), foreignKey(field));
    }

    /**
     * A column added to a table that already exists and may hold rows. Uniqueness comes from a separate
     * index. A required column gets NOT NULL only when every existing row has a value for it:
     * <ul>
     *   <li>with a database default (a "now" date on PostgreSQL/MySQL, or a constant), it is NOT NULL;</li>
     *   <li>on SQLite without such a default it stays nullable: SQLite refuses
     *       {@code ADD COLUMN ... NOT NULL} without a non-null default even on an empty table, and the
     *       store fills required values on every write anyway;</li>
     *   <li>on PostgreSQL/MySQL it is NOT NULL when the table is empty, and nullable otherwise:
     *       PostgreSQL would reject the statement and MySQL would silently fill every row with an
     *       implicit value such as {@code ''}, which is worse than a visible null.</li>
     * </ul>
     */
    ColumnDefinition forExistingTable(Table table, Field field, boolean tableHasRows) {
        String defaultSql = timestampDefault(field);
        if (defaultSql == null) {
            defaultSql = constantDefault(field);
        }
        boolean notNull = field.required()
                && (defaultSql != null || (dialect != Dialect.SQLITE && !tableHasRows));
        return new ColumnDefinition(column(table, field), ColumnTypes.of(dialect, field), notNull, false, false,
                defaultSql, foreignKey(field));
    }

    /** Whether adding this field to a populated table leaves it nullable (callers log that). */
    boolean addedAsNullable(Table table, Field field, boolean tableHasRows) {
        return field.required() && !forExistingTable(table, field, tableHasRows).notNull();
    }

    String column(Table table, Field field) {
        return naming.column(table.name(), field.name());
    }

    private ForeignKey foreignKey(Field field) {
        Field.Reference reference = field.references();
        if (reference == null) {
            return null;
        }
        return new ForeignKey(naming.table(reference.table()), naming.column(reference.table(), reference.field()),
                reference.onDelete());
    }

    private String timestampDefault(Field field) {
        return field.type() == FieldType.DATE && field.defaultValue() != null
                ? ColumnTypes.currentTimestamp(dialect) : null;
    }

    /**
     * The default as an SQL literal when it is a constant. The model holds defaults as suppliers, so a
     * constant is recognised as one that gives the same string, number or boolean twice; a generator
     * (random ids, clocks) must not be frozen into the DDL. A nullable unique column gets no default,
     * since every row would then share it.
     */
    private String constantDefault(Field field) {
        if (field.defaultValue() == null || (field.unique() && !field.required())) {
            return null;
        }
        Object first;
        Object second;
        try {
            first = field.defaultValue().get();
            second = field.defaultValue().get();
        } catch (RuntimeException e) {
            return null;
        }
        if (first == null || !Objects.equals(first, second)) {
            return null;
        }
        return switch (field.type()) {
            case BOOLEAN -> first instanceof Boolean b ? booleanLiteral(b) : null;
            case NUMBER -> first instanceof Number n ? n.toString() : null;
            case STRING -> first instanceof String s ? "'" + s.replace("'", "''") + "'" : null;
            default -> null;
        };
    }

    private String booleanLiteral(boolean value) {
        if (dialect == Dialect.SQLITE) {
            return value ? "1" : "0";
        }
        return value ? "true" : "false";
    }
}
