package dev.postern.session;

import dev.postern.crypto.JsDates;
import dev.postern.json.Json;
import dev.postern.schema.Field;
import dev.postern.schema.FieldType;
import dev.postern.schema.Output;
import dev.postern.schema.Table;
import dev.postern.store.Row;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Converts between rows and their cached JSON form: what goes into the cookie cache is the row as a
 * client would see it ({@link Output}), and what comes out is a row again, date fields revived to
 * {@link java.time.Instant} so that callers cannot tell a cached session from a stored one.
 */
final class CachedRows {
    private CachedRows() {
    }

    static ObjectNode toJson(Table table, Row row) {
        return (ObjectNode) Json.valueToTree(Output.of(table, row));
    }

    static Row toRow(Table table, JsonNode json) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> property : json.properties()) {
            Optional<Field> field = table.field(property.getKey());
            values.put(property.getKey(), toJava(property.getValue(), field.map(Field::type).orElse(null)));
        }
        return new Row(values);
    }

    private static Object toJava(JsonNode node, FieldType type) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (type == FieldType.DATE && node.isString()) {
            return JsDates.revive(node.stringValue()).map(Object.class::cast).orElse(node.stringValue());
        }
        if (node.isString()) {
            return node.stringValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber()) {
            return node.longValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        return Json.convert(node, Object.class);
    }
}
