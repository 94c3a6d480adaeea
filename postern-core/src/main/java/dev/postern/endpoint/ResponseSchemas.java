package dev.postern.endpoint;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON Schemas of the bodies endpoints answer with, for {@link Endpoint.Builder#response}: the shapes
 * better-auth documents (a user, a session, {@code {status: true}}), written once so every plugin
 * describes a user the same way in the OpenAPI document. They describe the core fields; fields a plugin
 * or the application adds appear as additional properties.
 */
public final class ResponseSchemas {
    private ResponseSchemas() {
    }

    /** {@code {"status": true}}, the answer of most actions. */
    public static final Map<String, Object> STATUS = object(Map.of("status", bool()), "status");

    /** A user as {@code get-session} returns it (fields marked {@code returned: false} left out). */
    public static final Map<String, Object> USER = object(ordered(
            "id", string(), "name", string(), "email", string("email"), "emailVerified", bool(),
            "image", nullable(string()), "createdAt", string("date-time"), "updatedAt", string("date-time")),
            "id", "name", "email", "emailVerified", "createdAt", "updatedAt");

    /** A session as {@code get-session} and {@code list-sessions} return it. */
    public static final Map<String, Object> SESSION = object(ordered(
            "id", string(), "token", string(), "userId", string(), "expiresAt", string("date-time"),
            "ipAddress", nullable(string()), "userAgent", nullable(string()),
            "createdAt", string("date-time"), "updatedAt", string("date-time")),
            "id", "token", "userId", "expiresAt", "createdAt", "updatedAt");

    /** {@code {"token": ..., "user": ...}}: the answer of a sign-up or a change that issues a session. */
    public static final Map<String, Object> TOKEN_AND_USER =
            object(ordered("token", nullable(string()), "user", USER), "token", "user");

    /** A linked account as {@code list-accounts} returns it. */
    public static final Map<String, Object> ACCOUNT = object(ordered(
            "id", string(), "providerId", string(), "accountId", string(), "userId", string(),
            "scopes", arrayOf(string()), "createdAt", string("date-time"), "updatedAt", string("date-time")),
            "id", "providerId", "accountId", "userId", "createdAt", "updatedAt");

    /**
     * The endpoint always answers with a redirect ({@code 302} to its callback URL), never a body; the
     * OpenAPI document shows a 302 instead of a 200 for it.
     */
    public static final Map<String, Object> REDIRECT = Map.of("description", "Redirects to the callback URL",
            "x-postern-redirect", true);

    /** An HTML page rather than JSON; the OpenAPI document reads the media type from it. */
    public static final Map<String, Object> HTML_PAGE = Map.of("type", "string", "contentMediaType", "text/html");

    public static Map<String, Object> object(Map<String, Object> properties, String... required) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", properties);
        if (required.length > 0) {
            schema.put("required", List.of(required));
        }
        return schema;
    }

    public static Map<String, Object> arrayOf(Map<String, Object> items) {
        return Map.of("type", "array", "items", items);
    }

    public static Map<String, Object> nullable(Map<String, Object> schema) {
        Map<String, Object> copy = new LinkedHashMap<>(schema);
        copy.put("type", List.of(schema.get("type"), "null"));
        return copy;
    }

    public static Map<String, Object> string() {
        return Map.of("type", "string");
    }

    public static Map<String, Object> string(String format) {
        return Map.of("type", "string", "format", format);
    }

    public static Map<String, Object> bool() {
        return Map.of("type", "boolean");
    }

    /** Keeps the properties in the order given, as the document shows them. */
    public static Map<String, Object> ordered(Object... namesAndSchemas) {
        Map<String, Object> properties = new LinkedHashMap<>();
        for (int i = 0; i < namesAndSchemas.length; i += 2) {
            properties.put((String) namesAndSchemas[i], namesAndSchemas[i + 1]);
        }
        return properties;
    }
}
