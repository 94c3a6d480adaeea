package dev.postern.plugin.session;

import dev.postern.crypto.JsDates;
import dev.postern.error.ApiException;
import dev.postern.error.CoreErrorCodes;
import dev.postern.http.Status;
import dev.postern.json.Json;
import dev.postern.schema.CoreSchema;
import dev.postern.schema.Field;
import dev.postern.schema.Table;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * The values a client may write to its own session: the session table's additional fields (from the
 * configuration or plugins), never the core ones (token, expiry, user). As better-auth's
 * {@code parseSessionInput}: a field declared {@code input:false} may not be set to a truthy value, other
 * unknown keys are ignored. Unlike better-auth, values are also checked against the field's type, so a
 * wrong type is a 400 rather than a database error.
 */
final class SessionInput {
    private static final Set<String> CORE_FIELDS = CoreSchema.session().fields().stream()
            .map(Field::name).collect(Collectors.toUnmodifiableSet());

    private SessionInput() {
    }

    static Map<String, Object> parse(Table sessionTable, JsonNode body) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Field field : sessionTable.fields()) {
            JsonNode value = body.get(field.name());
            if (CORE_FIELDS.contains(field.name()) || value == null) {
                continue;
            }
            if (!field.input()) {
                if (isTruthy(value)) {
                    throw CoreErrorCodes.FIELD_NOT_ALLOWED.toException(Status.BAD_REQUEST,
                            field.name() + " is not allowed to be set");
                }
                continue;
            }
            values.put(field.name(), toValue(field, value));
        }
        return values;
    }

    private static Object toValue(Field field, JsonNode value) {
        if (value.isNull()) {
            if (field.required()) {
                throw invalid(field, value);
            }
            return null;
        }
        return switch (field.type()) {
            case STRING -> {
                require(value.isString(), field, value);
                yield value.stringValue();
            }
            case NUMBER -> {
                require(value.isNumber(), field, value);
                yield value.isIntegralNumber() ? (Object) value.longValue() : (Object) value.doubleValue();
            }
            case BOOLEAN -> {
                require(value.isBoolean(), field, value);
                yield value.booleanValue();
            }
            case DATE -> {
                Instant date = value.isString() ? JsDates.revive(value.stringValue()).orElse(null) : null;
                require(date != null, field, value);
                yield date;
            }
            case STRING_ARRAY -> {
                require(value.isArray() && value.valueStream().allMatch(JsonNode::isString), field, value);
                yield Json.convert(value, java.util.List.class);
            }
            case NUMBER_ARRAY -> {
                require(value.isArray() && value.valueStream().allMatch(JsonNode::isNumber), field, value);
                yield Json.convert(value, java.util.List.class);
            }
            case JSON -> Json.convert(value, Object.class);
        };
    }

    /** JavaScript truthiness of a JSON value. */
    private static boolean isTruthy(JsonNode value) {
        if (value.isNull()) {
            return false;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isNumber()) {
            return value.doubleValue() != 0;
        }
        if (value.isString()) {
            return !value.stringValue().isEmpty();
        }
        return true;
    }

    private static void require(boolean valid, Field field, JsonNode value) {
        if (!valid) {
            throw invalid(field, value);
        }
    }

    private static ApiException invalid(Field field, JsonNode value) {
        String expected = switch (field.type()) {
            case STRING -> "string";
            case NUMBER -> "number";
            case BOOLEAN -> "boolean";
            case DATE -> "date";
            case STRING_ARRAY, NUMBER_ARRAY -> "array";
            case JSON -> "json";
        };
        return new ApiException(Status.BAD_REQUEST, CoreErrorCodes.VALIDATION_ERROR.code(),
                "[body." + field.name() + "] Invalid input: expected " + expected + ", received " + typeOf(value));
    }

    private static String typeOf(JsonNode value) {
        if (value.isNull()) {
            return "null";
        }
        if (value.isString()) {
            return "string";
        }
        if (value.isNumber()) {
            return "number";
        }
        if (value.isBoolean()) {
            return "boolean";
        }
        return value.isArray() ? "array" : "object";
    }
}
