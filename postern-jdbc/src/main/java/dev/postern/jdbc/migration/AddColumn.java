package dev.postern.jdbc.migration;

import dev.postern.jdbc.Dialect;

/**
 * Adds one column to an existing table. A unique column is made unique by a separate
 * {@link CreateIndex}, because SQLite cannot add a column with a UNIQUE constraint. On MySQL a foreign
 * key is added as a constraint clause, since MySQL ignores an inline column {@code REFERENCES}.
 */
public record AddColumn(Dialect dialect, String table, ColumnDefinition column) implements Change {

    @Override
    public String sql() {
        boolean inlineForeignKey = dialect != Dialect.MYSQL;
        String sql = "alter table " + dialect.quote(table) + " add column " + column.render(dialect, inlineForeignKey);
        if (column.foreignKey() != null && !inlineForeignKey) {
            sql += ", add foreign key (" + dialect.quote(column.name()) + ") " + column.references(dialect);
        }
        return sql;
    }

    @Override
    public String describe() {
        return "add column " + table + "." + column.name();
    }
}
