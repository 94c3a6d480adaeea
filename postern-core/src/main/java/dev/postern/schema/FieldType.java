package dev.postern.schema;

/**
 * The logical type of a field, as better-auth's schema declares it. Each store maps it to a column
 * type and a wire encoding per database (see the JDBC dialects); Java code sees the values below.
 */
public enum FieldType {
    /** Java {@link String}. */
    STRING,
    /** Java {@link Long} (or {@link Double} for fractional values). */
    NUMBER,
    /** Java {@link Boolean}. */
    BOOLEAN,
    /** Java {@link java.time.Instant}, millisecond precision. */
    DATE,
    /** Any JSON value as Jackson would map it (Map, List, String, Number, Boolean). */
    JSON,
    /** Java {@code List<String>}; stored as JSON. */
    STRING_ARRAY,
    /** Java {@code List<Long>}; stored as JSON. */
    NUMBER_ARRAY
}
