package dev.postern.pipeline;

import dev.postern.endpoint.Endpoint;
import dev.postern.error.ApiException;
import dev.postern.error.CoreErrorCodes;
import dev.postern.http.AuthRequest;
import dev.postern.http.Status;
import dev.postern.json.Json;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns the raw body and query of an HTTP request into JSON for validation, with better-call's rules:
 * requests without a body skip the media-type check, a media type outside the endpoint's list is a 415,
 * malformed JSON is a 400 {@code BAD_REQUEST}.
 */
final class BodyParser {
    private BodyParser() {
    }

    /** The body as JSON, or null when the request has none. */
    static JsonNode parseBody(AuthRequest request, Endpoint endpoint, int maxBytes) {
        if (request.body().length == 0 || request.method().equals("GET") || request.method().equals("HEAD")) {
            return null;
        }
        if (request.body().length > maxBytes) {
            throw CoreErrorCodes.PAYLOAD_TOO_LARGE.toException(Status.PAYLOAD_TOO_LARGE);
        }
        String allowed = allowedList(endpoint);
        String mediaType = request.mediaType().orElse(null);
        if (mediaType == null) {
            throw CoreErrorCodes.UNSUPPORTED_MEDIA_TYPE.toException(Status.UNSUPPORTED_MEDIA_TYPE,
                    "Content-Type is required. Allowed types: " + allowed);
        }
        if (!endpoint.mediaTypes().contains(mediaType)) {
            throw CoreErrorCodes.UNSUPPORTED_MEDIA_TYPE.toException(Status.UNSUPPORTED_MEDIA_TYPE,
                    "Content-Type \"" + mediaType + "\" is not allowed. Allowed types: " + allowed);
        }
        if (mediaType.equals(Endpoint.FORM)) {
            return fromParameters(AuthRequest.parseQuery(request.bodyText()));
        }
        try {
            return Json.parse(request.body());
        } catch (JacksonException e) {
            throw CoreErrorCodes.BAD_REQUEST_INVALID_JSON.toException(Status.BAD_REQUEST);
        }
    }

    /** Query or form parameters as a JSON object of strings; a repeated key becomes an array. */
    static ObjectNode fromParameters(Map<String, List<String>> parameters) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        parameters.forEach((name, values) -> {
            if (values.size() == 1) {
                node.put(name, values.get(0));
            } else {
                values.forEach(v -> node.withArray(name).add(v));
            }
        });
        return node;
    }

    // better-call lists form before JSON when both are allowed.
    private static String allowedList(Endpoint endpoint) {
        return endpoint.mediaTypes().contains(Endpoint.FORM)
                ? Endpoint.FORM + ", " + Endpoint.JSON
                : String.join(", ", endpoint.mediaTypes());
    }

    static ApiException notAnObject() {
        return CoreErrorCodes.BODY_MUST_BE_AN_OBJECT.toException(Status.BAD_REQUEST);
    }
}
