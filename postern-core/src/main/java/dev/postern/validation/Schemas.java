package dev.postern.validation;

import java.util.LinkedHashMap;
import java.util.List;

/**
 * Factory for endpoint input schemas:
 * <pre>{@code
 * Schemas.object()
 *     .required("email", Schemas.email())
 *     .required("password", Schemas.string().nonEmpty())
 *     .optional("rememberMe", Schemas.bool())
 * }</pre>
 */
public final class Schemas {
    private Schemas() {
    }

    public static ObjectSchema object() {
        return new ObjectSchema(new LinkedHashMap<>(), false);
    }

    public static StringSchema string() {
        return new StringSchema(StringSchema.Format.PLAIN, null, null, null);
    }

    public static StringSchema email() {
        return new StringSchema(StringSchema.Format.EMAIL, null, null, null);
    }

    public static StringSchema url() {
        return new StringSchema(StringSchema.Format.URL, null, null, null);
    }

    /** One of the given strings (zod's {@code z.enum}). */
    public static StringSchema oneOf(String... options) {
        return new StringSchema(StringSchema.Format.PLAIN, null, null, List.of(options));
    }

    public static ScalarSchema bool() {
        return new ScalarSchema(ScalarSchema.Kind.BOOLEAN, false, null, null);
    }

    public static ScalarSchema number() {
        return new ScalarSchema(ScalarSchema.Kind.NUMBER, false, null, null);
    }

    public static ScalarSchema integer() {
        return new ScalarSchema(ScalarSchema.Kind.INTEGER, false, null, null);
    }

    public static ArraySchema array(Schema items) {
        return new ArraySchema(items);
    }

    /** Any JSON value. */
    public static Schema any() {
        return new AnySchema(false);
    }

    /** Any JSON object with free-form keys. */
    public static Schema record() {
        return new AnySchema(true);
    }
}
