package dev.postern.validation;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Any value, or any JSON object when {@code objectOnly} (zod's {@code z.record(z.string(), z.any())}). */
record AnySchema(boolean objectOnly) implements Schema {

    @Override
    public JsonNode check(JsonNode value, Path path, Issues issues) {
        if (value == null) {
            issues.add(path, Issues.invalidType(objectOnly ? "record" : "any", null));
        } else if (objectOnly && !value.isObject()) {
            issues.add(path, Issues.invalidType("record", value));
        }
        return value;
    }

    @Override
    public Map<String, Object> jsonSchema() {
        Map<String, Object> schema = new LinkedHashMap<>();
        if (objectOnly) {
            schema.put("type", "object");
            schema.put("additionalProperties", true);
        }
        return schema;
    }
}
