package dev.postern.schema;

import dev.postern.store.Row;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What of a stored row a client may see: every field but those declared {@code returned:false}
 * (passwords, tokens, secrets), as better-auth's {@code filterOutputFields} does. Responses are built from
 * rows through this, never from raw rows.
 */
public final class Output {
    private Output() {
    }

    /** The row as a response object: {@code id} first, then the table's visible fields in schema order. */
    public static Map<String, Object> of(Table table, Row row) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", row.get("id"));
        for (Field field : table.fields()) {
            if (field.returned() && row.values().containsKey(field.name())) {
                out.put(field.name(), row.get(field.name()));
            }
        }
        return out;
    }

    public static Map<String, Object> of(SchemaModel schema, String table, Row row) {
        return of(schema.require(table), row);
    }
}
