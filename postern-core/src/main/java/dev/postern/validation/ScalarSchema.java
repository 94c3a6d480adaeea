package dev.postern.validation;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.BooleanNode;
import tools.jackson.databind.node.DoubleNode;
import tools.jackson.databind.node.LongNode;

/**
 * Booleans and numbers. With {@code coerce}, strings are converted first, as query parameters and
 * form fields only ever arrive as strings.
 */
public final class ScalarSchema implements Schema {
    enum Kind { BOOLEAN, NUMBER, INTEGER }

    private final Kind kind;
    private final boolean coerce;
    private final Double min;
    private final Double max;

    ScalarSchema(Kind kind, boolean coerce, Double min, Double max) {
        this.kind = kind;
        this.coerce = coerce;
        this.min = min;
        this.max = max;
    }

    /** Accepts the string forms too: {@code "true"}, {@code "false"}, {@code "42"}. */
    public ScalarSchema coerced() {
        return new ScalarSchema(kind, true, min, max);
    }

    public ScalarSchema min(double value) {
        return new ScalarSchema(kind, coerce, value, max);
    }

    public ScalarSchema max(double value) {
        return new ScalarSchema(kind, coerce, min, value);
    }

    @Override
    public JsonNode check(JsonNode value, Path path, Issues issues) {
        JsonNode v = coerce && value != null && value.isString() ? fromString(value.asString()) : value;
        switch (kind) {
            case BOOLEAN -> {
                if (v == null || !v.isBoolean()) {
                    issues.add(path, Issues.invalidType("boolean", value));
                }
            }
            case NUMBER, INTEGER -> {
                if (v == null || !v.isNumber()) {
                    issues.add(path, Issues.invalidType("number", value));
                } else if (kind == Kind.INTEGER && !v.canConvertToExactIntegral()) {
                    issues.add(path, "Invalid input: expected int, received number");
                } else {
                    double d = v.asDouble();
                    if (min != null && d < min) {
                        issues.add(path, "Too small: expected number to be >=" + format(min));
                    }
                    if (max != null && d > max) {
                        issues.add(path, "Too big: expected number to be <=" + format(max));
                    }
                }
            }
        }
        return v;
    }

    private JsonNode fromString(String s) {
        if (kind == Kind.BOOLEAN) {
            return switch (s) {
                case "true", "1" -> BooleanNode.TRUE;
                case "false", "0", "" -> BooleanNode.FALSE;
                default -> null;
            };
        }
        try {
            return s.contains(".") || s.contains("e") || s.contains("E")
                    ? DoubleNode.valueOf(Double.parseDouble(s))
                    : LongNode.valueOf(Long.parseLong(s.trim()));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String format(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    @Override
    public Map<String, Object> jsonSchema() {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", switch (kind) {
            case BOOLEAN -> "boolean";
            case NUMBER -> "number";
            case INTEGER -> "integer";
        });
        if (min != null) {
            schema.put("minimum", min);
        }
        if (max != null) {
            schema.put("maximum", max);
        }
        return schema;
    }
}
