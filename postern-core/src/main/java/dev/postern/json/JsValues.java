package dev.postern.json;

import tools.jackson.databind.JsonNode;

/**
 * JavaScript's truthiness for JSON values. better-auth decides with it whether a field counts as given
 * (an origin check skips a falsy callbackURL, input parsing rejects a truthy {@code input:false} field).
 */
public final class JsValues {
    private JsValues() {
    }

    /** False for absent, null, false, 0, NaN and ""; true for everything else, empty arrays and objects included. */
    public static boolean isTruthy(JsonNode value) {
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
