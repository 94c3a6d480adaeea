package dev.postern.jdbc.migration;

import dev.postern.schema.Field;

/**
 * A column's foreign key in physical names.
 *
 * @param table referenced table
 * @param column referenced column
 * @param onDelete what the database does to this row when the referenced row goes
 */
public record ForeignKey(String table, String column, Field.OnDelete onDelete) {

    /** The SQL words for the on-delete action; better-auth's default is cascade. */
    public String onDeleteSql() {
        if (onDelete == null) {
            return "cascade";
        }
        return switch (onDelete) {
            case CASCADE -> "cascade";
            case SET_NULL -> "set null";
            case RESTRICT -> "restrict";
            case NO_ACTION -> "no action";
        };
    }
}
