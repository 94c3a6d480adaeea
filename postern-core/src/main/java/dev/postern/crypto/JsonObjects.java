package dev.postern.crypto;

import dev.postern.json.Json;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.node.ObjectNode;

/** Parsing of untrusted JSON that must be an object (token payloads, cookie envelopes). */
final class JsonObjects {
    private JsonObjects() {
    }

    /** The object in {@code json}, or empty when it is malformed or not an object. */
    static Optional<ObjectNode> parse(String json) {
        try {
            return Json.parse(json) instanceof ObjectNode object ? Optional.of(object) : Optional.empty();
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }
}
