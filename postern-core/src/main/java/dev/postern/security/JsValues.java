package dev.postern.security;

import tools.jackson.databind.JsonNode;

/** JavaScript's truthiness for JSON values, which decides whether better-auth checks a field at all. */
final class JsValues {
    private JsValues() {
    }

    /** False for absent, null, false, 0, NaN and ""; true for everything else, empty arrays and objects included. */
    static boolean isTruthy(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return false;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isNumber()) {
            double d = value.doubleValue();
            return d != 0 && !Double.isNaN(d);
        }
        if (value.isString()) {
            return !value.stringValue().isEmpty();
        }
        return true;
    }
}
