package dev.postern.validation;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** The problems found while validating one input, in document order. */
public final class Issues {
    private final List<String> messages = new ArrayList<>();

    public void add(Path path, String message) {
        messages.add("[" + path + "] " + message);
    }

    public boolean isEmpty() {
        return messages.isEmpty();
    }

    /** The joined message better-call sends: issues separated by {@code "; "}. */
    public String message() {
        return String.join("; ", messages);
    }

    public List<String> all() {
        return List.copyOf(messages);
    }

    /** zod's wording for a value of the wrong type. */
    public static String invalidType(String expected, JsonNode received) {
        return "Invalid input: expected " + expected + ", received " + typeOf(received);
    }

    /** The type name zod reports for a received value. */
    static String typeOf(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "undefined";
        }
        if (node.isNull()) {
            return "null";
        }
        if (node.isString()) {
            return "string";
        }
        if (node.isNumber()) {
            return "number";
        }
        if (node.isBoolean()) {
            return "boolean";
        }
        if (node.isArray()) {
            return "array";
        }
        return "object";
    }
}
