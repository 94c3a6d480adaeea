package dev.postern.plugin.openapi;

import dev.postern.endpoint.Endpoint;
import dev.postern.endpoint.ResponseSchemas;
import dev.postern.http.Status;
import dev.postern.validation.ObjectSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One OpenAPI operation built from one method of an {@link Endpoint} declaration: parameters from the
 * path and the query schema, the request body from the body schema and its media types, the 200 (or 302)
 * response from the declared response schema, and one error response per status its error codes use.
 */
final class OpenApiOperation {
    static final String ERROR_SCHEMA_REF = "#/components/schemas/Error";
    private static final Pattern PATH_PARAM = Pattern.compile(":([A-Za-z0-9_]+)");

    private OpenApiOperation() {
    }

    /** {@code /reset-password/:token} becomes {@code /reset-password/{token}}, OpenAPI's template. */
    static String templatePath(String path) {
        return PATH_PARAM.matcher(path).replaceAll("{$1}");
    }

    static Map<String, Object> of(Endpoint endpoint, String method) {
        Endpoint.Metadata metadata = endpoint.metadata();
        Map<String, Object> operation = new LinkedHashMap<>();
        // One endpoint answering GET and POST (get-session) needs an id per method: ids are unique.
        operation.put("operationId", endpoint.methods().size() > 1 && !method.equals("GET")
                ? endpoint.name() + capitalized(method) : endpoint.name());
        operation.put("summary", metadata.summary());
        if (!metadata.description().isEmpty()) {
            operation.put("description", metadata.description());
        }
        operation.put("tags", metadata.tags().isEmpty() ? List.of("Default") : metadata.tags());
        List<Map<String, Object>> parameters = parameters(endpoint);
        if (!parameters.isEmpty()) {
            operation.put("parameters", parameters);
        }
        if (endpoint.body() != null && !method.equals("GET")) {
            operation.put("requestBody", requestBody(endpoint));
        }
        operation.put("responses", responses(endpoint, method));
        if (metadata.hidden()) {
            // better-auth leaves these out; we keep every route documented and say it is not for clients.
            operation.put("x-hidden", true);
        }
        return operation;
    }

    private static List<Map<String, Object>> parameters(Endpoint endpoint) {
        List<Map<String, Object>> parameters = new ArrayList<>();
        Matcher names = PATH_PARAM.matcher(endpoint.path());
        while (names.find()) {
            parameters.add(parameter(names.group(1), "path", true, ResponseSchemas.string()));
        }
        if (endpoint.query() != null) {
            Map<String, Object> query = endpoint.query().jsonSchema();
            List<?> required = (List<?>) query.getOrDefault("required", List.of());
            propertiesOf(query).forEach((name, schema) ->
                    parameters.add(parameter(name, "query", required.contains(name), schema)));
        }
        return parameters;
    }

    private static Map<String, Object> parameter(String name, String in, boolean required, Object schema) {
        Map<String, Object> parameter = new LinkedHashMap<>();
        parameter.put("name", name);
        parameter.put("in", in);
        parameter.put("required", required);
        parameter.put("schema", schema);
        return parameter;
    }

    private static Map<String, Object> requestBody(Endpoint endpoint) {
        ObjectSchema body = endpoint.body();
        Map<String, Object> schema = body.jsonSchema();
        Map<String, Object> content = new LinkedHashMap<>();
        // JSON first: it is what clients send; forms are the no-JavaScript fallback.
        endpoint.mediaTypes().stream().sorted((a, b) -> a.equals(Endpoint.JSON) ? -1 : b.equals(Endpoint.JSON) ? 1
                : a.compareTo(b)).forEach(type -> content.put(type, Map.of("schema", schema)));
        Map<String, Object> requestBody = new LinkedHashMap<>();
        requestBody.put("required", !((List<?>) schema.getOrDefault("required", List.of())).isEmpty());
        requestBody.put("content", content);
        return requestBody;
    }

    private static Map<String, Object> responses(Endpoint endpoint, String method) {
        Map<String, Object> responses = new LinkedHashMap<>();
        Map<String, Object> schema = endpoint.metadata().responseSchema();
        if (ResponseSchemas.REDIRECT.equals(schema)) {
            responses.put("302", Map.of("description", schema.get("description"),
                    "headers", Map.of("Location", Map.of("schema", ResponseSchemas.string("uri")))));
        } else if (schema != null) {
            String mediaType = (String) schema.getOrDefault("contentMediaType", Endpoint.JSON);
            responses.put("200", Map.of("description", "Success",
                    "content", Map.of(mediaType, Map.of("schema", schema))));
        } else {
            responses.put("200", Map.of("description", "Success"));
        }
        errorsByStatus(endpoint, method).forEach((status, codes) ->
                responses.put(String.valueOf(status), errorResponse(status, codes)));
        responses.put("429", Map.of("description", "Too many requests: the rate limit for this path was reached",
                "headers", Map.of("X-Retry-After", Map.of("description", "Seconds until the next request is allowed",
                        "schema", Map.of("type", "integer")))));
        responses.put("500", Map.of("description", "Internal server error; the body is empty"));
        return responses;
    }

    private static Map<Integer, List<String>> errorsByStatus(Endpoint endpoint, String method) {
        Map<Integer, List<String>> byStatus = new TreeMap<>();
        if (endpoint.body() != null || endpoint.query() != null) {
            byStatus.computeIfAbsent(400, s -> new ArrayList<>()).add("VALIDATION_ERROR");
        }
        if (!method.equals("GET")) {
            // The origin check refuses state-changing calls with cookies from untrusted origins.
            byStatus.computeIfAbsent(403, s -> new ArrayList<>()).add("INVALID_ORIGIN");
        }
        for (String code : endpoint.metadata().errors()) {
            List<String> codes = byStatus.computeIfAbsent(ErrorStatuses.of(code), s -> new ArrayList<>());
            if (!codes.contains(code)) {
                codes.add(code);
            }
        }
        return byStatus;
    }

    private static Map<String, Object> errorResponse(int status, List<String> codes) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("$ref", ERROR_SCHEMA_REF);
        schema.put("properties", Map.of("code", Map.of("enum", codes)));
        return Map.of("description", reason(status) + ": " + String.join(", ", codes),
                "content", Map.of(Endpoint.JSON, Map.of("schema", schema)));
    }

    private static String reason(int status) {
        for (Status candidate : Status.values()) {
            if (candidate.code() == status) {
                return candidate.name();
            }
        }
        return String.valueOf(status);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> propertiesOf(Map<String, Object> objectSchema) {
        return (Map<String, Object>) objectSchema.getOrDefault("properties", Map.of());
    }

    private static String capitalized(String method) {
        return method.charAt(0) + method.substring(1).toLowerCase();
    }
}
