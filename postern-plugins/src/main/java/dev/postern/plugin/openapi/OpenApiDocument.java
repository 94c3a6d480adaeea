package dev.postern.plugin.openapi;

import dev.postern.Postern;
import dev.postern.endpoint.Endpoint;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the OpenAPI 3.1 document of an instance from its endpoint declarations: one path item per
 * routed endpoint, whatever plugin declared it, so the document cannot drift from the router.
 * Server-only endpoints are not routes and stay out; hidden ones are kept and marked {@code x-hidden}
 * (better-auth drops them, but a reader of the document should find every path the server answers).
 */
public final class OpenApiDocument {
    static final String OPENAPI_VERSION = "3.1.1";
    /** better-auth's session cookie; a {@code __Secure-} prefix is added on https. */
    static final String SESSION_COOKIE = "better-auth.session_token";

    private OpenApiDocument() {
    }

    /** The document as maps and lists, ready for {@code Json.write}. */
    public static Map<String, Object> of(Postern postern) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("openapi", OPENAPI_VERSION);
        document.put("info", Map.of(
                "title", postern.config().appName(),
                "description", "API reference of " + postern.config().appName() + ", served by Postern",
                "version", version()));
        document.put("servers", List.of(Map.of("url", postern.config().authUrl())));
        document.put("security", List.of(Map.of("sessionCookie", List.of()), Map.of("bearerAuth", List.of()),
                Map.of("apiKey", List.of()), Map.of()));
        document.put("tags", tags(postern.endpoints()));
        document.put("paths", paths(postern.endpoints()));
        document.put("components", components());
        return document;
    }

    private static Map<String, Object> paths(List<Endpoint> endpoints) {
        Map<String, Object> paths = new LinkedHashMap<>();
        for (Endpoint endpoint : endpoints) {
            if (endpoint.metadata().serverOnly()) {
                continue;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> item = (Map<String, Object>) paths.computeIfAbsent(
                    OpenApiOperation.templatePath(endpoint.path()), p -> new LinkedHashMap<String, Object>());
            endpoint.methods().stream().sorted().forEach(method ->
                    item.put(method.toLowerCase(), OpenApiOperation.of(endpoint, method)));
        }
        return paths;
    }

    private static List<Map<String, Object>> tags(List<Endpoint> endpoints) {
        Set<String> names = new LinkedHashSet<>();
        endpoints.stream().filter(e -> !e.metadata().serverOnly()).forEach(e ->
                names.addAll(e.metadata().tags().isEmpty() ? List.of("Default") : e.metadata().tags()));
        return names.stream().map(name -> Map.<String, Object>of("name", name)).toList();
    }

    private static Map<String, Object> components() {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("type", "object");
        error.put("description", "better-auth's error body; VALIDATION_ERROR messages read like "
                + "\"[body.email] Invalid email address\"");
        error.put("properties", Map.of("message", Map.of("type", "string"), "code", Map.of("type", "string")));
        error.put("required", List.of("message"));
        Map<String, Object> securitySchemes = new LinkedHashMap<>();
        securitySchemes.put("sessionCookie", Map.of("type", "apiKey", "in", "cookie", "name", SESSION_COOKIE,
                "description", "The signed session cookie set by sign-in"));
        securitySchemes.put("bearerAuth", Map.of("type", "http", "scheme", "bearer",
                "description", "A session token, for clients that do not keep cookies"));
        securitySchemes.put("apiKey", Map.of("type", "apiKey", "in", "header", "name", "x-api-key",
                "description", "An API key, once the api-key plugin is enabled"));
        return Map.of("schemas", Map.of("Error", error), "securitySchemes", securitySchemes);
    }

    private static String version() {
        String version = Postern.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }
}
