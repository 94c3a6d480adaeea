package dev.postern;

import dev.postern.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Turns a typed request record into the JSON object an HTTP client would send. */
final class RequestRecords {
    static final String ADDITIONAL_FIELDS = "additionalFields";

    private RequestRecords() {
    }

    static ObjectNode toBody(Record request) {
        ObjectNode body = (ObjectNode) Json.valueToTree(request);
        List<String> absent = new ArrayList<>();
        for (Map.Entry<String, JsonNode> property : body.properties()) {
            if (property.getValue().isNull()) {
                absent.add(property.getKey());
            }
        }
        absent.forEach(body::remove);
        if (body.get(ADDITIONAL_FIELDS) instanceof ObjectNode extra) {
            body.remove(ADDITIONAL_FIELDS);
            extra.properties().forEach(field -> body.set(field.getKey(), field.getValue()));
        }
        return body;
    }
}
