package dev.postern.validation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Wrappers that change what an inner schema accepts: absence, null, a description. */
final class Modifiers {
    private Modifiers() {
    }

    /** zod's {@code .optional()}: an absent value passes. */
    record Optional(Schema inner) implements Schema {
        @Override
        public JsonNode check(JsonNode value, Path path, Issues issues) {
            return value == null || value.isMissingNode() ? null : inner.check(value, path, issues);
        }

        @Override
        public Map<String, Object> jsonSchema() {
            return inner.jsonSchema();
        }

        @Override
        public boolean optional() {
            return true;
        }
    }

    /** zod's {@code .nullable()}: JSON null passes. */
    record Nullable(Schema inner) implements Schema {
        @Override
        public JsonNode check(JsonNode value, Path path, Issues issues) {
            return value != null && value.isNull() ? value : inner.check(value, path, issues);
        }

        @Override
        public Map<String, Object> jsonSchema() {
            Map<String, Object> schema = new LinkedHashMap<>(inner.jsonSchema());
            Object type = schema.get("type");
            if (type instanceof String t) {
                schema.put("type", List.of(t, "null"));
            }
            return schema;
        }

        @Override
        public boolean optional() {
            return inner.optional();
        }
    }

    record Described(Schema inner, String description) implements Schema {
        @Override
        public JsonNode check(JsonNode value, Path path, Issues issues) {
            return inner.check(value, path, issues);
        }

        @Override
        public Map<String, Object> jsonSchema() {
            Map<String, Object> schema = new LinkedHashMap<>(inner.jsonSchema());
            schema.put("description", description);
            return schema;
        }

        @Override
        public boolean optional() {
            return inner.optional();
        }
    }
}
