package dev.postern.jdbc;

import dev.postern.json.Json;
import dev.postern.schema.FieldType;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;

/**
 * Moves canonical Java values ({@link JavaValues}) in and out of one dialect's columns, with the
 * encodings better-auth's Kysely adapter uses, so either can read what the other wrote:
 *
 * <table>
 * <caption>Encodings per dialect</caption>
 * <tr><th>type</th><th>SQLite</th><th>PostgreSQL</th><th>MySQL/MariaDB</th></tr>
 * <tr><td>DATE</td><td>ISO text, {@code toISOString()}</td><td>timestamptz</td><td>timestamp(3), UTC session</td></tr>
 * <tr><td>BOOLEAN</td><td>integer 0/1</td><td>boolean</td><td>boolean (tinyint(1))</td></tr>
 * <tr><td>JSON, arrays</td><td>JSON text</td><td>jsonb</td><td>json</td></tr>
 * </table>
 */
final class ColumnCodec {
    private final Dialect dialect;

    ColumnCodec(Dialect dialect) {
        this.dialect = dialect;
    }

    /** Binds a canonical value (or null) for a column of {@code type}. */
    void bind(PreparedStatement statement, int index, FieldType type, Object value) throws SQLException {
        if (value == null) {
            // PostgreSQL infers an untyped NULL from its target, so one call fits jsonb and timestamptz alike.
            statement.setNull(index, dialect == Dialect.POSTGRES ? Types.OTHER : Types.NULL);
            return;
        }
        switch (type) {
            case STRING -> statement.setString(index, (String) value);
            case NUMBER -> {
                if (value instanceof Long l) {
                    statement.setLong(index, l);
                } else {
                    statement.setDouble(index, ((Number) value).doubleValue());
                }
            }
            case BOOLEAN -> {
                if (dialect == Dialect.SQLITE) {
                    statement.setInt(index, (Boolean) value ? 1 : 0);
                } else {
                    statement.setBoolean(index, (Boolean) value);
                }
            }
            case DATE -> bindDate(statement, index, (Instant) value);
            case JSON, STRING_ARRAY, NUMBER_ARRAY -> {
                String json = jsonText(value);
                if (dialect == Dialect.POSTGRES) {
                    // Sent untyped so the server reads the text as jsonb without a cast in the SQL.
                    statement.setObject(index, json, Types.OTHER);
                } else {
                    statement.setString(index, json);
                }
            }
        }
    }

    private void bindDate(PreparedStatement statement, int index, Instant instant) throws SQLException {
        switch (dialect) {
            case SQLITE -> statement.setString(index, StoredDates.format(instant));
            case POSTGRES -> statement.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
            // A zone-less value, read by the server in the session's time zone, which the pool sets to UTC.
            case MYSQL -> statement.setObject(index, LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
        }
    }

    /**
     * The value a read would return after writing {@code value}: JSON comes back as Jackson maps it
     * (a record becomes a Map), so a created row equals the same row read later.
     */
    static Object asRead(FieldType type, Object value) {
        return type == FieldType.JSON && value != null ? parseJson(jsonText(value), type) : value;
    }

    private static String jsonText(Object value) {
        try {
            return Json.write(value);
        } catch (tools.jackson.core.JacksonException e) {
            throw new IllegalArgumentException("A " + value.getClass().getName() + " cannot be written as JSON", e);
        }
    }

    /** Reads a column as the canonical Java value of {@code type}. */
    Object read(ResultSet rs, int index, FieldType type) throws SQLException {
        return switch (type) {
            case STRING -> rs.getString(index);
            case NUMBER -> {
                Object raw = rs.getObject(index);
                yield raw == null ? null : JavaValues.number(raw);
            }
            case BOOLEAN -> {
                Object raw = rs.getObject(index);
                yield raw == null ? null : JavaValues.bool(raw);
            }
            case DATE -> readDate(rs, index);
            case JSON, STRING_ARRAY, NUMBER_ARRAY -> readJson(rs, index, type);
        };
    }

    private Instant readDate(ResultSet rs, int index) throws SQLException {
        return switch (dialect) {
            case SQLITE -> {
                Object raw = rs.getObject(index);
                yield raw == null ? null : JavaValues.instant(raw);
            }
            case POSTGRES -> {
                OffsetDateTime value = rs.getObject(index, OffsetDateTime.class);
                yield value == null ? null : value.toInstant();
            }
            case MYSQL -> {
                LocalDateTime value = rs.getObject(index, LocalDateTime.class);
                yield value == null ? null : value.toInstant(ZoneOffset.UTC);
            }
        };
    }

    private static Object readJson(ResultSet rs, int index, FieldType type) throws SQLException {
        Object raw = rs.getObject(index);
        if (raw == null) {
            return null;
        }
        Object value;
        if (raw instanceof java.sql.Array array) {
            // A native array column (made by another tool) holds the same list a JSON array would.
            value = Arrays.asList((Object[]) array.getArray());
        } else {
            // Strings from SQLite and MySQL; PostgreSQL's PGobject renders its JSON text.
            value = parseJson(raw.toString(), type);
        }
        return type == FieldType.JSON ? value : JavaValues.canonical(type, value);
    }

    /** Parses stored JSON; text that is not JSON stays a string for JSON fields (a hand-written row). */
    static Object parseJson(String text, FieldType type) {
        try {
            return Json.mapper().readValue(text, Object.class);
        } catch (tools.jackson.core.JacksonException e) {
            if (type == FieldType.JSON) {
                return text;
            }
            throw new IllegalArgumentException("Expected a JSON array, got a text of " + text.length() + " characters", e);
        }
    }
}
