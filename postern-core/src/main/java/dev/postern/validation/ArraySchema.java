package dev.postern.validation;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/** A JSON array whose items all match one schema. */
public record ArraySchema(Schema items) implements Schema {

    @Override
    public JsonNode check(JsonNode value, Path path, Issues issues) {
        if (value == null || !value.isArray()) {
            issues.add(path, Issues.invalidType("array", value));
            return value;
        }
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < value.size(); i++) {
            out.add(items.check(value.get(i), path.index(i), issues));
        }
        return out;
    }

    @Override
    public Map<String, Object> jsonSchema() {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "array");
        schema.put("items", items.jsonSchema());
        return schema;
    }
}
