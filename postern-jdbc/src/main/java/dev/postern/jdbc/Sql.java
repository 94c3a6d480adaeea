package dev.postern.jdbc;

import dev.postern.schema.FieldType;
import java.util.List;

/**
 * A statement to run: SQL text with {@code ?} placeholders and the values that fill them in order.
 * Values are canonical Java values ({@link JavaValues}) tagged with the type that decides their encoding.
 */
record Sql(String text, List<Param> params) {

    Sql {
        params = List.copyOf(params);
    }

    /** One placeholder's value; {@code value} may be null. */
    record Param(FieldType type, Object value) {
    }
}
