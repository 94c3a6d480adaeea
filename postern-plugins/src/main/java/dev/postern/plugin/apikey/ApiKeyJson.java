package dev.postern.plugin.apikey;

import dev.postern.json.Json;
import dev.postern.store.Row;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * An API key as better-auth writes it into secondary storage ({@code serializeApiKey}): the row as JSON,
 * dates as ISO strings, {@code metadata} as the object itself. Also parses the JSON text columns
 * ({@code metadata}, {@code permissions}) for responses.
 */
final class ApiKeyJson {
    private static final Set<String> DATES = Set.of("lastRefillAt", "lastRequest", "expiresAt", "createdAt", "updatedAt");
    private static final Set<String> NUMBERS = Set.of("refillInterval", "refillAmount", "rateLimitTimeWindow",
            "rateLimitMax", "requestCount", "remaining");
    private static final Set<String> BOOLEANS = Set.of("enabled", "rateLimitEnabled");

    private ApiKeyJson() {
    }

    static String write(Row key) {
        Map<String, Object> out = new LinkedHashMap<>(key.values());
        out.put("metadata", parse(key.string("metadata")));
        return Json.write(out);
    }

    static Optional<Row> read(String text) {
        JsonNode node;
        try {
            node = Json.parse(text);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        if (!node.isObject()) {
            return Optional.empty();
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            values.put(field.getKey(), value(field.getKey(), field.getValue()));
        }
        return Optional.of(new Row(values));
    }

    private static Object value(String field, JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (DATES.contains(field)) {
            return Instant.parse(node.asString());
        }
        if (NUMBERS.contains(field)) {
            return node.asLong();
        }
        if (BOOLEANS.contains(field)) {
            return node.asBoolean();
        }
        if (field.equals("metadata")) {
            return node.isString() ? node.asString() : Json.write(node);
        }
        return node.isString() ? node.asString() : Json.write(node);
    }

    /** A JSON text column as a value for a response; null when empty or not JSON (better-auth's safeJSONParse). */
    static Object parse(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return Json.convert(Json.parse(text), Object.class);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
