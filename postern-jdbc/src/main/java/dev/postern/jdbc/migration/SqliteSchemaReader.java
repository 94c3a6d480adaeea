package dev.postern.jdbc.migration;

import dev.postern.jdbc.Dialect;
import dev.postern.jdbc.migration.LiveSchema.LiveColumn;
import dev.postern.jdbc.migration.LiveSchema.LiveIndex;
import dev.postern.jdbc.migration.LiveSchema.LiveTable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads SQLite's schema through its table-valued pragmas ({@code pragma_table_info},
 * {@code pragma_index_list}, {@code pragma_index_info}): the driver's {@code DatabaseMetaData} reports
 * declared types and automatic unique indexes less faithfully than SQLite itself.
 */
final class SqliteSchemaReader implements SchemaReader {

    @Override
    public LiveSchema read(Connection connection, Collection<String> tableNames) throws SQLException {
        Map<String, String> existing = new HashMap<>();
        List<String> allIndexNames = new ArrayList<>();
        try (var statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select type, name from sqlite_master where type in ('table', 'index')")) {
            while (rows.next()) {
                String name = rows.getString(2);
                if ("table".equals(rows.getString(1))) {
                    existing.put(name.toLowerCase(Locale.ROOT), name);
                } else {
                    allIndexNames.add(name);
                }
            }
        }
        Map<String, LiveTable> tables = new LinkedHashMap<>();
        for (String wanted : tableNames) {
            String actual = existing.get(wanted.toLowerCase(Locale.ROOT));
            if (actual != null) {
                tables.put(actual.toLowerCase(Locale.ROOT), new LiveTable(actual, columns(connection, actual),
                        indexes(connection, actual)));
            }
        }
        return new LiveSchema(tables, allIndexNames);
    }

    private static Map<String, LiveColumn> columns(Connection connection, String table) throws SQLException {
        Map<String, LiveColumn> columns = new LinkedHashMap<>();
        try (PreparedStatement query = connection.prepareStatement(
                "select name, type, \"notnull\", pk from pragma_table_info(?)")) {
            query.setString(1, table);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String name = rows.getString(1);
                    boolean nullable = rows.getInt(3) == 0 && rows.getInt(4) == 0;
                    columns.put(name.toLowerCase(Locale.ROOT), new LiveColumn(name, rows.getString(2), nullable));
                }
            }
        }
        return columns;
    }

    private static List<LiveIndex> indexes(Connection connection, String table) throws SQLException {
        List<LiveIndex> indexes = new ArrayList<>();
        try (PreparedStatement list = connection.prepareStatement(
                "select name, \"unique\", partial from pragma_index_list(?)")) {
            list.setString(1, table);
            try (ResultSet rows = list.executeQuery()) {
                while (rows.next()) {
                    // A partial index covers only some rows, so it cannot stand for a full one.
                    if (rows.getInt(3) == 0) {
                        indexes.add(new LiveIndex(rows.getString(1), rows.getInt(2) != 0, List.of()));
                    }
                }
            }
        }
        List<LiveIndex> withColumns = new ArrayList<>();
        for (LiveIndex index : indexes) {
            withColumns.add(new LiveIndex(index.name(), index.unique(), indexColumns(connection, index.name())));
        }
        return withColumns;
    }

    private static List<String> indexColumns(Connection connection, String index) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement info = connection.prepareStatement(
                "select name from pragma_index_info(?) order by seqno")) {
            info.setString(1, index);
            try (ResultSet rows = info.executeQuery()) {
                while (rows.next()) {
                    // Expression indexes have a null column name; keep the position so they never match.
                    columns.add(rows.getString(1) == null ? "" : rows.getString(1));
                }
            }
        }
        return columns;
    }

    @Override
    public boolean hasRows(Connection connection, String table) throws SQLException {
        try (var statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select 1 from " + Dialect.SQLITE.quote(table) + " limit 1")) {
            return rows.next();
        }
    }
}
