package dev.postern.jdbc.migration;

import dev.postern.jdbc.Dialect;

/** Creates a single-column index, unique or not, named as better-auth names it (see {@link IndexNames}). */
public record CreateIndex(Dialect dialect, String name, String table, String column, boolean unique)
        implements Change {

    @Override
    public String sql() {
        return "create " + (unique ? "unique " : "") + "index " + dialect.quote(name) + " on " + dialect.quote(table)
                + " (" + dialect.quote(column) + ")";
    }

    @Override
    public String describe() {
        return "create " + (unique ? "unique " : "") + "index " + name;
    }
}
