package dev.postern.pipeline;

import dev.postern.endpoint.Endpoint;
import dev.postern.error.ApiException;
import dev.postern.error.CoreErrorCodes;
import dev.postern.http.AuthRequest;
import dev.postern.http.Status;
import dev.postern.json.Json;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns the raw body and query of an HTTP request into JSON for validation, with better-call's rules:
 * requests without a body skip the media-type check, a media type outside the endpoint's list is a 415,
 * malformed JSON is a 400 {@code BAD_REQUEST}. Beyond better-call, JSON nested deeper than
 * {@link Json#MAX_REQUEST_DEPTH}, JSON with a repeated key and bodies that are not valid UTF-8 are 400s
 * too (docs/security.md, "Hostile input and faults").
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
            return fromParameters(AuthRequest.parseQuery(strictUtf8(request.body())));
        }
        JsonNode json;
        try {
            // Jackson reports invalid UTF-8, nesting past the limit and duplicate keys as JacksonException.
            json = Json.parseRequestBody(request.body());
        } catch (JacksonException e) {
            throw CoreErrorCodes.BAD_REQUEST_INVALID_JSON.toException(Status.BAD_REQUEST);
        }
        // Only white space: JSON.parse throws on it, so better-call answers it as invalid JSON.
        if (json == null || json.isMissingNode()) {
            throw CoreErrorCodes.BAD_REQUEST_INVALID_JSON.toException(Status.BAD_REQUEST);
        }
        // An endpoint with a body schema reports a non-object in zod's words; one without would otherwise
        // run as if it had been sent an empty object, so an array or a bare number is refused here.
        if (endpoint.body() == null && !json.isObject()) {
            throw notAnObject();
        }
        return json;
    }

    /**
     * Decodes a form body, refusing invalid UTF-8 rather than turning it into U+FFFD as a browser's
     * {@code TextDecoder} would: a replaced character in a password or a name is silent data loss.
     */
    private static String strictUtf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            throw CoreErrorCodes.INVALID_UTF8.toException(Status.BAD_REQUEST);
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
