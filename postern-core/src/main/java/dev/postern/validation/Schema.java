package dev.postern.validation;

import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A validator for one JSON value, in the spirit of the zod schemas better-auth declares its endpoint
 * bodies with. It reports problems with zod's wording, so error messages match better-auth's
 * ({@code [body.email] Invalid email address}), and it describes itself as JSON Schema for the
 * OpenAPI document.
 */
public interface Schema {

    /**
     * Checks {@code value} (null when the key is absent) and returns the value to keep, possibly
     * coerced (query strings into booleans or numbers) or stripped of unknown keys.
     */
    JsonNode check(JsonNode value, Path path, Issues issues);

    /** The JSON Schema of accepted values. */
    Map<String, Object> jsonSchema();

    /** True when an absent value is acceptable. */
    default boolean optional() {
        return false;
    }

    default Schema orAbsent() {
        return new Modifiers.Optional(this);
    }

    default Schema orNull() {
        return new Modifiers.Nullable(this);
    }

    default Schema describe(String description) {
        return new Modifiers.Described(this, description);
    }
}
