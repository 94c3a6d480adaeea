package dev.postern.jdbc.migration;

import dev.postern.jdbc.Dialect;
import dev.postern.jdbc.migration.LiveSchema.LiveColumn;
import dev.postern.jdbc.migration.LiveSchema.LiveIndex;
import dev.postern.jdbc.migration.LiveSchema.LiveTable;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads PostgreSQL and MySQL/MariaDB schemas through JDBC {@link DatabaseMetaData}, limited to the
 * connection's current schema (PostgreSQL's {@code search_path} head) or database (MySQL), which is
 * where the migration creates its tables.
 */
final class MetadataSchemaReader implements SchemaReader {
    private final Dialect dialect;

    MetadataSchemaReader(Dialect dialect) {
        this.dialect = dialect;
    }

    @Override
    public LiveSchema read(Connection connection, Collection<String> tableNames) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        String catalog = dialect == Dialect.MYSQL ? connection.getCatalog() : null;
        String schema = dialect == Dialect.POSTGRES ? connection.getSchema() : null;
        Map<String, String> existing = new HashMap<>();
        try (ResultSet rows = metaData.getTables(catalog, escape(metaData, schema), "%",
                new String[] {"TABLE", "PARTITIONED TABLE"})) {
            while (rows.next()) {
                String name = rows.getString("TABLE_NAME");
                existing.put(name.toLowerCase(Locale.ROOT), name);
            }
        }
        Map<String, LiveTable> tables = new LinkedHashMap<>();
        for (String wanted : tableNames) {
            String actual = existing.get(wanted.toLowerCase(Locale.ROOT));
            if (actual != null) {
                tables.put(actual.toLowerCase(Locale.ROOT), new LiveTable(actual,
                        columns(metaData, catalog, schema, actual), indexes(metaData, catalog, schema, actual)));
            }
        }
        return new LiveSchema(tables, dialect == Dialect.POSTGRES ? postgresIndexNames(connection) : List.of());
    }

    private static Map<String, LiveColumn> columns(DatabaseMetaData metaData, String catalog, String schema,
                                                   String table) throws SQLException {
        Map<String, LiveColumn> columns = new LinkedHashMap<>();
        try (ResultSet rows = metaData.getColumns(catalog, escape(metaData, schema), escape(metaData, table), "%")) {
            while (rows.next()) {
                // The table name is a LIKE pattern; an escaped one still matches case-insensitively on MySQL.
                if (!rows.getString("TABLE_NAME").equals(table)) {
                    continue;
                }
                String name = rows.getString("COLUMN_NAME");
                boolean nullable = rows.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls;
                columns.put(name.toLowerCase(Locale.ROOT), new LiveColumn(name, rows.getString("TYPE_NAME"), nullable));
            }
        }
        return columns;
    }

    private static List<LiveIndex> indexes(DatabaseMetaData metaData, String catalog, String schema, String table)
            throws SQLException {
        Map<String, Boolean> unique = new LinkedHashMap<>();
        Map<String, TreeMap<Integer, String>> columns = new HashMap<>();
        try (ResultSet rows = metaData.getIndexInfo(catalog, schema, table, false, true)) {
            while (rows.next()) {
                String name = rows.getString("INDEX_NAME");
                if (name == null || rows.getShort("TYPE") == DatabaseMetaData.tableIndexStatistic) {
                    continue;
                }
                unique.put(name, !rows.getBoolean("NON_UNIQUE"));
                String column = rows.getString("COLUMN_NAME");
                columns.computeIfAbsent(name, k -> new TreeMap<>())
                        .put((int) rows.getShort("ORDINAL_POSITION"), column == null ? "" : unquote(column));
            }
        }
        List<LiveIndex> indexes = new ArrayList<>();
        unique.forEach((name, isUnique) ->
                indexes.add(new LiveIndex(name, isUnique, List.copyOf(columns.get(name).values()))));
        return indexes;
    }

    /** PostgreSQL's driver reports index columns of mixed case quoted ({@code "userId"}). */
    private static String unquote(String column) {
        if (column.length() > 1 && column.startsWith("\"") && column.endsWith("\"")) {
            return column.substring(1, column.length() - 1).replace("\"\"", "\"");
        }
        return column;
    }

    private static List<String> postgresIndexNames(Connection connection) throws SQLException {
        List<String> names = new ArrayList<>();
        try (var statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "select relname from pg_class where relkind in ('i', 'I') "
                             + "and relnamespace = current_schema()::regnamespace")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }

    private static String escape(DatabaseMetaData metaData, String pattern) throws SQLException {
        if (pattern == null) {
            return null;
        }
        String escape = metaData.getSearchStringEscape();
        return pattern.replace(escape, escape + escape).replace("_", escape + "_").replace("%", escape + "%");
    }

    @Override
    public boolean hasRows(Connection connection, String table) throws SQLException {
        try (var statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select 1 from " + dialect.quote(table) + " limit 1")) {
            return rows.next();
        }
    }
}
