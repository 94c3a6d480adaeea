package dev.postern.plugin.apikey;

import static dev.postern.endpoint.ResponseSchemas.arrayOf;
import static dev.postern.endpoint.ResponseSchemas.bool;
import static dev.postern.endpoint.ResponseSchemas.nullable;
import static dev.postern.endpoint.ResponseSchemas.object;
import static dev.postern.endpoint.ResponseSchemas.ordered;
import static dev.postern.endpoint.ResponseSchemas.string;

import java.util.LinkedHashMap;
import java.util.Map;

/** JSON Schemas of the api-key responses, for the OpenAPI document. */
final class ApiKeySchemas {
    private static final Map<String, Object> NUMBER = Map.of("type", "number");
    private static final Map<String, Object> DATE = string("date-time");
    private static final Map<String, Object> JSON_OBJECT = Map.of("type", java.util.List.of("object", "null"));

    /** An API key as get, list and update return it: no {@code key}. */
    static final Map<String, Object> API_KEY = object(ordered(
            "id", string(), "configId", string(), "name", nullable(string()), "start", nullable(string()),
            "referenceId", string(), "prefix", nullable(string()), "refillInterval", nullable(NUMBER),
            "refillAmount", nullable(NUMBER), "lastRefillAt", nullable(DATE), "enabled", bool(),
            "rateLimitEnabled", bool(), "rateLimitTimeWindow", nullable(NUMBER), "rateLimitMax", nullable(NUMBER),
            "requestCount", NUMBER, "remaining", nullable(NUMBER), "lastRequest", nullable(DATE),
            "expiresAt", nullable(DATE), "createdAt", DATE, "updatedAt", DATE,
            "permissions", JSON_OBJECT, "metadata", JSON_OBJECT),
            "id", "referenceId", "enabled", "rateLimitEnabled", "requestCount", "createdAt", "updatedAt");

    /** What create returns: the key in clear, once. */
    static final Map<String, Object> CREATED;

    static {
        @SuppressWarnings("unchecked")
        Map<String, Object> properties = new LinkedHashMap<>((Map<String, Object>) API_KEY.get("properties"));
        properties.put("key", Map.of("type", "string", "description", "The full API key (only returned on creation)"));
        CREATED = object(properties, "id", "key", "referenceId", "enabled", "rateLimitEnabled", "requestCount",
                "createdAt", "updatedAt");
    }

    static final Map<String, Object> LIST = object(ordered("apiKeys", arrayOf(API_KEY), "total", NUMBER,
            "limit", NUMBER, "offset", NUMBER), "apiKeys", "total");

    static final Map<String, Object> SUCCESS = object(Map.of("success", bool()), "success");

    private ApiKeySchemas() {
    }
}
