package dev.postern.user;

import dev.postern.error.ApiException;
import dev.postern.error.CoreErrorCodes;
import dev.postern.http.Status;
import dev.postern.json.JsValues;
import dev.postern.json.Json;
import dev.postern.schema.CoreSchema;
import dev.postern.schema.Field;
import dev.postern.schema.SchemaModel;
import dev.postern.schema.Table;
import dev.postern.validation.Issues;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads the client-settable extra fields of a table (the application's additional fields and plugin
 * fields, never the core ones) out of a request body, by better-auth's {@code parseInputData} rules:
 *
 * <ul>
 *   <li>a field declared {@code input:false} given a truthy value is 400 {@code FIELD_NOT_ALLOWED}
 *       ("{@code <field> is not allowed to be set}"); on create it gets its default instead;</li>
 *   <li>on create, an absent field gets its default, and a required one without default is 400
 *       {@code MISSING_FIELD} ("{@code <field> is required}");</li>
 *   <li>keys that are not fields are ignored.</li>
 * </ul>
 *
 * <p>Unlike better-auth, which hands the raw JSON value to the database, a value of the wrong type is a
 * 400 {@code VALIDATION_ERROR} here, so bad input can never become a database error.
 */
public final class InputFields {
    /** Whether the fields are read for a new record (defaults, required checks) or a change. */
    public enum Action { CREATE, UPDATE }

    private final List<Field> fields;

    private InputFields(List<Field> fields) {
        this.fields = List.copyOf(fields);
    }

    /** The extra fields of {@code table}: those not in better-auth's core definition of it. */
    public static InputFields of(SchemaModel schema, String table) {
        Set<String> core = CoreSchema.contribution().tables().stream()
                .filter(t -> t.name().equals(table))
                .flatMap(t -> t.fields().stream())
                .map(Field::name)
                .collect(Collectors.toSet());
        Table merged = schema.require(table);
        return new InputFields(merged.fields().stream().filter(f -> !core.contains(f.name())).toList());
    }

    /** The names of the extra fields, so callers can tell them from their own body keys. */
    public Set<String> names() {
        return fields.stream().map(Field::name).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * The values to write for {@code body}.
     *
     * @param formEncoded the body came from a form, whose values are all text: {@code "true"} and
     *     {@code "42"} are then read as a boolean and a number
     */
    public Map<String, Object> parse(ObjectNode body, Action action, boolean formEncoded) {
        Map<String, Object> parsed = new LinkedHashMap<>();
        for (Field field : fields) {
            String key = field.name();
            if (body.has(key)) {
                JsonNode value = body.get(key);
                if (!field.input()) {
                    if (field.defaultValue() != null && action == Action.CREATE) {
                        parsed.put(key, field.defaultValue().get());
                    } else if (JsValues.isTruthy(value)) {
                        throw CoreErrorCodes.FIELD_NOT_ALLOWED.toException(Status.BAD_REQUEST, key + " is not allowed to be set");
                    }
                    continue;
                }
                if (value.isNull()) {
                    if (field.required()) {
                        throw missing(key);
                    }
                    parsed.put(key, null);
                    continue;
                }
                parsed.put(key, convert(field, value, formEncoded));
                continue;
            }
            if (action == Action.CREATE) {
                if (field.defaultValue() != null) {
                    parsed.put(key, field.defaultValue().get());
                } else if (field.required()) {
                    throw missing(key);
                }
            }
        }
        return parsed;
    }

    private static ApiException missing(String key) {
        return CoreErrorCodes.MISSING_FIELD.toException(Status.BAD_REQUEST, key + " is required");
    }

    private static Object convert(Field field, JsonNode value, boolean formEncoded) {
        String key = field.name();
        Object converted = switch (field.type()) {
            case STRING -> value.isString() ? value.stringValue() : null;
            case NUMBER -> number(value, formEncoded);
            case BOOLEAN -> bool(value, formEncoded);
            case DATE -> date(value);
            case JSON -> Json.convert(value, Object.class);
            case STRING_ARRAY -> list(value, true);
            case NUMBER_ARRAY -> list(value, false);
        };
        if (converted == null) {
            throw ApiException.validation("[body." + key + "] " + Issues.invalidType(expected(field), value));
        }
        return converted;
    }

    private static Object number(JsonNode value, boolean formEncoded) {
        if (value.isNumber()) {
            return value.isIntegralNumber() && value.canConvertToLong() ? (Object) value.longValue() : value.doubleValue();
        }
        if (formEncoded && value.isString()) {
            try {
                BigDecimal d = new BigDecimal(value.stringValue().trim());
                return d.stripTrailingZeros().scale() <= 0 ? (Object) d.longValueExact() : d.doubleValue();
            } catch (NumberFormatException | ArithmeticException e) {
                return null;
            }
        }
        return null;
    }

    private static Object bool(JsonNode value, boolean formEncoded) {
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (formEncoded && value.isString()) {
            return switch (value.stringValue()) {
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                default -> null;
            };
        }
        return null;
    }

    /**
     * A date as clients send one: epoch milliseconds or an ISO-8601 string with an offset, to the
     * millisecond; null for anything else.
     */
    public static Instant date(JsonNode value) {
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return Instant.ofEpochMilli(value.longValue());
        }
        if (value.isString()) {
            try {
                return OffsetDateTime.parse(value.stringValue()).toInstant().truncatedTo(ChronoUnit.MILLIS);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        return null;
    }

    private static Object list(JsonNode value, boolean strings) {
        if (!value.isArray()) {
            return null;
        }
        List<Object> out = new ArrayList<>();
        for (JsonNode element : value) {
            if (strings && element.isString()) {
                out.add(element.stringValue());
            } else if (!strings && element.isNumber()) {
                out.add(element.isIntegralNumber() && element.canConvertToLong() ? (Object) element.longValue() : element.doubleValue());
            } else {
                return null;
            }
        }
        return List.copyOf(out);
    }

    private static String expected(Field field) {
        return switch (field.type()) {
            case STRING -> "string";
            case NUMBER -> "number";
            case BOOLEAN -> "boolean";
            case DATE -> "date";
            case JSON -> "json";
            case STRING_ARRAY, NUMBER_ARRAY -> "array";
        };
    }
}
