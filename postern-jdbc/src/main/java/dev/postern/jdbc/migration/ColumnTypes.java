package dev.postern.jdbc.migration;

import dev.postern.jdbc.Dialect;
import dev.postern.schema.Field;

/**
 * The column type of each logical field type per dialect, identical to what better-auth's migrator
 * writes so either can take over a database the other created.
 *
 * <p>MySQL cannot index or make unique an unbounded {@code text} column, hence {@code varchar(255)}
 * for unique, sortable and indexed strings and {@code varchar(36)} for keys that hold another row's id.
 */
final class ColumnTypes {

    private ColumnTypes() {
    }

    /** The type of the implicit {@code id} primary key. */
    static String id(Dialect dialect) {
        return dialect == Dialect.MYSQL ? "varchar(36)" : "text";
    }

    static String of(Dialect dialect, Field field) {
        if (field.references() != null && "id".equals(field.references().field())) {
            return id(dialect);
        }
        return switch (field.type()) {
            case STRING -> string(dialect, field);
            case BOOLEAN -> dialect == Dialect.SQLITE ? "integer" : "boolean";
            case NUMBER -> field.bigint() ? "bigint" : "integer";
            case DATE -> switch (dialect) {
                case SQLITE -> "date";
                case POSTGRES -> "timestamptz";
                case MYSQL -> "timestamp(3)";
            };
            case JSON, STRING_ARRAY, NUMBER_ARRAY -> switch (dialect) {
                case SQLITE -> "text";
                case POSTGRES -> "jsonb";
                case MYSQL -> "json";
            };
        };
    }

    private static String string(Dialect dialect, Field field) {
        if (dialect != Dialect.MYSQL) {
            return "text";
        }
        if (field.unique()) {
            return "varchar(255)";
        }
        if (field.references() != null) {
            return "varchar(36)";
        }
        return field.sortable() || field.indexed() ? "varchar(255)" : "text";
    }

    /** The SQL default for dates that default to "now", or null where better-auth writes none (SQLite). */
    static String currentTimestamp(Dialect dialect) {
        return switch (dialect) {
            case SQLITE -> null;
            case POSTGRES -> "CURRENT_TIMESTAMP";
            case MYSQL -> "CURRENT_TIMESTAMP(3)";
        };
    }

    /**
     * Whether an existing column's type can hold the field, so it is left alone. Mirrors better-auth's
     * lenient families (any string type for strings, any integer or decimal for numbers...).
     */
    static boolean compatible(Dialect dialect, Field field, String databaseType) {
        String type = databaseType.toLowerCase(java.util.Locale.ROOT);
        return switch (field.type()) {
            case STRING -> type.contains("char") || type.contains("text") || type.contains("uuid")
                    || type.contains("clob");
            case NUMBER -> type.contains("int") || type.contains("num") || type.contains("dec")
                    || type.contains("real") || type.contains("double") || type.contains("float");
            case BOOLEAN -> type.contains("bool") || type.contains("int") || type.equals("bit");
            case DATE -> type.contains("date") || type.contains("time") || type.contains("int");
            case JSON, STRING_ARRAY, NUMBER_ARRAY -> type.contains("json") || type.contains("text")
                    || type.contains("char") || type.contains("clob");
        };
    }
}
