package dev.postern.jdbc.migration;

import dev.postern.jdbc.Dialect;
import java.util.ArrayList;
import java.util.List;

/**
 * Creates a table with all its columns, primary key, inline unique constraints and foreign keys.
 *
 * <p>Foreign keys are written inline ({@code "userId" text references "user" ("id")}) as better-auth
 * does, except on MySQL: MySQL 8 parses an inline column {@code REFERENCES} clause and silently ignores
 * it, so there the key is a table constraint, which MySQL and MariaDB both enforce.
 */
public record CreateTable(Dialect dialect, String table, List<ColumnDefinition> columns) implements Change {

    public CreateTable {
        columns = List.copyOf(columns);
    }

    @Override
    public String sql() {
        boolean inlineForeignKeys = dialect != Dialect.MYSQL;
        List<String> lines = new ArrayList<>();
        for (ColumnDefinition column : columns) {
            lines.add(column.render(dialect, inlineForeignKeys));
        }
        if (!inlineForeignKeys) {
            for (ColumnDefinition column : columns) {
                if (column.foreignKey() != null) {
                    lines.add("foreign key (" + dialect.quote(column.name()) + ") " + column.references(dialect));
                }
            }
        }
        return "create table " + dialect.quote(table) + " (\n  " + String.join(",\n  ", lines) + "\n)";
    }

    @Override
    public String describe() {
        return "create table " + table;
    }
}
