package dev.postern.jdbc.migration;

import dev.postern.jdbc.Dialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;

/** Reads the live schema of the tables a plan is about. */
interface SchemaReader {

    /**
     * Reads the given tables (physical names; missing ones are simply absent from the result) and the
     * index names the rest of the schema already uses.
     */
    LiveSchema read(Connection connection, Collection<String> tableNames) throws SQLException;

    /** Whether the table holds at least one row. */
    boolean hasRows(Connection connection, String table) throws SQLException;

    static SchemaReader forDialect(Dialect dialect) {
        return dialect == Dialect.SQLITE ? new SqliteSchemaReader() : new MetadataSchemaReader(dialect);
    }
}
