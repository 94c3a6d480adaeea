package dev.postern.jdbc.migration;

import dev.postern.jdbc.Dialect;

/**
 * A column as it is written in DDL, in physical names and dialect types.
 *
 * @param name physical column name
 * @param type the dialect's column type ({@code text}, {@code timestamptz}, {@code varchar(255)})
 * @param notNull NOT NULL
 * @param primaryKey the table's primary key
 * @param unique an inline unique constraint (only used in CREATE TABLE; added columns get a unique index)
 * @param defaultSql a literal SQL default ({@code CURRENT_TIMESTAMP}, {@code 0}), or null
 * @param foreignKey the referenced column, or null
 */
public record ColumnDefinition(
        String name,
        String type,
        boolean notNull,
        boolean primaryKey,
        boolean unique,
        String defaultSql,
        ForeignKey foreignKey) {

    /**
     * The column clause in the word order better-auth's query builder uses, so generated DDL reads the
     * same as theirs. The foreign key is inline unless the dialect wants it as a table constraint.
     */
    public String render(Dialect dialect, boolean inlineForeignKey) {
        StringBuilder sql = new StringBuilder(dialect.quote(name)).append(' ').append(type);
        if (defaultSql != null) {
            sql.append(" default ").append(defaultSql);
        }
        if (notNull) {
            sql.append(" not null");
        }
        if (primaryKey) {
            sql.append(" primary key");
        }
        if (unique) {
            sql.append(" unique");
        }
        if (foreignKey != null && inlineForeignKey) {
            sql.append(' ').append(references(dialect));
        }
        return sql.toString();
    }

    /** {@code references "user" ("id") on delete cascade}. */
    String references(Dialect dialect) {
        return "references " + dialect.quote(foreignKey.table()) + " (" + dialect.quote(foreignKey.column())
                + ") on delete " + foreignKey.onDeleteSql();
    }
}
