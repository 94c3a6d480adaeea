package dev.postern.pipeline;

import dev.postern.error.CoreErrorCodes;
import dev.postern.http.AuthRequest;
import dev.postern.http.Status;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Refuses request text that no database can store: a NUL character. PostgreSQL rejects it in any text
 * value, even in a {@code WHERE} clause, so without this check a {@code \u0000} in an e-mail address or a
 * token would surface as a database error, a 500, instead of the client's mistake it is.
 */
final class RequestText {
    private RequestText() {
    }

    /** Throws 400 when the body, the query, a path parameter or a header holds a NUL character. */
    static void requireStorable(AuthRequest request, JsonNode body, JsonNode query, Map<String, String> params) {
        if (hasNul(body) || hasNul(query) || params.values().stream().anyMatch(RequestText::hasNul)
                || hasNulHeader(request)) {
            throw CoreErrorCodes.NUL_CHARACTER.toException(Status.BAD_REQUEST);
        }
    }

    private static boolean hasNulHeader(AuthRequest request) {
        for (Map.Entry<String, List<String>> header : request.headers().asMap().entrySet()) {
            if (hasNul(header.getKey()) || header.getValue().stream().anyMatch(RequestText::hasNul)) {
                return true;
            }
        }
        return false;
    }

    // Recursion is bounded: the JSON reader refuses documents nested deeper than Json.MAX_REQUEST_DEPTH.
    private static boolean hasNul(JsonNode node) {
        if (node == null) {
            return false;
        }
        if (node.isString()) {
            return hasNul(node.asString());
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                if (hasNul(field.getKey()) || hasNul(field.getValue())) {
                    return true;
                }
            }
            return false;
        }
        if (node.isArray()) {
            for (JsonNode item : node) {
                if (hasNul(item)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean hasNul(String text) {
        return text != null && text.indexOf('\u0000') >= 0;
    }
}
