package dev.postern.plugin.apikey;

import dev.postern.endpoint.EndpointContext;
import dev.postern.error.ApiException;
import dev.postern.json.Json;
import dev.postern.session.Session;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Reading api-key request bodies with JavaScript's notions of "given" and "truthy", as better-auth's checks use them. */
final class ApiKeyInputs {
    private static final Pattern PREFIX = Pattern.compile("^[a-zA-Z0-9_-]+$");

    private ApiKeyInputs() {
    }

    /** {@code body.field !== undefined}: present, null included. */
    static boolean given(ObjectNode body, String field) {
        return body.has(field);
    }

    /** {@code if (body.field)}: present and not null, false, 0 or "". */
    static boolean truthy(ObjectNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return false;
        }
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        if (v.isNumber()) {
            return v.asDouble() != 0;
        }
        if (v.isString()) {
            return !v.asString().isEmpty();
        }
        return true;
    }

    static Optional<String> string(ObjectNode body, String field) {
        JsonNode v = body.get(field);
        return v == null || v.isNull() ? Optional.empty() : Optional.of(v.asString());
    }

    static Long number(ObjectNode body, String field) {
        JsonNode v = body.get(field);
        return v == null || v.isNull() ? null : v.asLong();
    }

    /**
     * A request from a client rather than from trusted server code: better-auth's
     * {@code ctx.request || ctx.headers}, an HTTP call or a Java call that passed request headers.
     */
    static boolean fromClient(EndpointContext ctx) {
        return ctx.isHttp() || !ctx.request().headers().asMap().isEmpty();
    }

    /** {@code typeof metadata === "object"} in JavaScript: objects, arrays and null. */
    static boolean isJsObject(JsonNode value) {
        return value.isObject() || value.isArray() || value.isNull();
    }

    /** The metadata column's text: the value as JSON, as better-auth's field transform writes it. */
    static String metadataText(JsonNode value) {
        return value == null || value.isNull() ? null : Json.write(value);
    }

    /** {@code prefix} as better-auth's schema accepts it: letters, digits, {@code _} and {@code -}. */
    static void checkPrefixFormat(ObjectNode body) {
        string(body, "prefix").filter(prefix -> !PREFIX.matcher(prefix).matches()).ifPresent(bad -> {
            throw ApiException.validation("[body.prefix] Invalid prefix format, must be alphanumeric and contain only underscores and hyphens.");
        });
    }

    /** {@code permissions}: a record of string arrays (zod's {@code z.record(z.string(), z.array(z.string()))}). */
    static Map<String, List<String>> permissions(ObjectNode body, String root) {
        JsonNode node = body.get("permissions");
        if (node == null || node.isNull()) {
            return null;
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            JsonNode actions = entry.getValue();
            if (!actions.isArray()) {
                throw ApiException.validation("[" + root + ".permissions." + entry.getKey()
                        + "] Invalid input: expected array, received " + jsType(actions));
            }
            List<String> list = new ArrayList<>();
            int i = 0;
            for (JsonNode action : actions) {
                if (!action.isString()) {
                    throw ApiException.validation("[" + root + ".permissions." + entry.getKey() + "." + i
                            + "] Invalid input: expected string, received " + jsType(action));
                }
                list.add(action.asString());
                i++;
            }
            out.put(entry.getKey(), list);
        }
        return out;
    }

    private static String jsType(JsonNode node) {
        if (node.isNull()) {
            return "null";
        }
        if (node.isNumber()) {
            return "number";
        }
        if (node.isBoolean()) {
            return "boolean";
        }
        if (node.isString()) {
            return "string";
        }
        return node.isArray() ? "array" : "object";
    }

    /** The signed-in user's id, if the call has a session. */
    static Optional<String> sessionUserId(EndpointContext ctx) {
        return ctx.postern().sessions().current(ctx).map(Session::userId);
    }
}
