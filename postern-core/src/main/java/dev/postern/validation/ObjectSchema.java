package dev.postern.validation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A JSON object with declared fields. Unknown fields are dropped, as zod's default object does,
 * unless {@link #passthrough()} keeps them (for user-defined additional fields checked elsewhere).
 */
public final class ObjectSchema implements Schema {
    private final LinkedHashMap<String, Schema> fields;
    private final boolean passthrough;

    ObjectSchema(LinkedHashMap<String, Schema> fields, boolean passthrough) {
        this.fields = fields;
        this.passthrough = passthrough;
    }

    /** Adds a field that must be present. */
    public ObjectSchema required(String name, Schema schema) {
        LinkedHashMap<String, Schema> copy = new LinkedHashMap<>(fields);
        copy.put(name, schema);
        return new ObjectSchema(copy, passthrough);
    }

    /** Adds a field that may be absent. */
    public ObjectSchema optional(String name, Schema schema) {
        return required(name, schema.optional() ? schema : schema.orAbsent());
    }

    /** Keeps fields that are not declared, unchecked. */
    public ObjectSchema passthrough() {
        return new ObjectSchema(fields, true);
    }

    public Map<String, Schema> fields() {
        return java.util.Collections.unmodifiableMap(fields);
    }

    /** Validates a whole input and returns the cleaned value, or throws with better-call's message. */
    public ObjectNode validate(JsonNode input, String rootName) {
        Issues issues = new Issues();
        JsonNode result = check(input, Path.root(rootName), issues);
        if (!issues.isEmpty()) {
            throw dev.postern.error.ApiException.validation(issues.message());
        }
        return (ObjectNode) result;
    }

    @Override
    public JsonNode check(JsonNode value, Path path, Issues issues) {
        if (value == null || !value.isObject()) {
            issues.add(path, Issues.invalidType("object", value));
            return value;
        }
        ObjectNode out = passthrough ? ((ObjectNode) value).deepCopy() : JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, Schema> field : fields.entrySet()) {
            JsonNode raw = value.get(field.getKey());
            Schema schema = field.getValue();
            if (raw == null && schema.optional()) {
                continue;
            }
            JsonNode checked = schema.check(raw, path.child(field.getKey()), issues);
            if (checked != null) {
                out.set(field.getKey(), checked);
            }
        }
        return out;
    }

    @Override
    public Map<String, Object> jsonSchema() {
        Map<String, Object> properties = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        fields.forEach((name, schema) -> {
            properties.put(name, schema.jsonSchema());
            if (!schema.optional()) {
                required.add(name);
            }
        });
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", properties);
        if (!required.isEmpty()) {
            schema.put("required", required);
        }
        return schema;
    }
}
