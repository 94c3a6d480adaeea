package dev.postern.validation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/** A string, optionally bounded in length, shaped as an e-mail address or URL, or one of a few values. */
public final class StringSchema implements Schema {
    // zod 4's e-mail pattern, so the same addresses pass or fail as in better-auth.
    private static final Pattern EMAIL = Pattern.compile(
            "^(?!\\.)(?!.*\\.\\.)([A-Za-z0-9_'+\\-.]*)[A-Za-z0-9_+-]@([A-Za-z0-9][A-Za-z0-9\\-]*\\.)+[A-Za-z]{2,}$");

    enum Format { PLAIN, EMAIL, URL }

    private final Format format;
    private final Integer min;
    private final Integer max;
    private final List<String> options;

    StringSchema(Format format, Integer min, Integer max, List<String> options) {
        this.format = format;
        this.min = min;
        this.max = max;
        this.options = options;
    }

    public StringSchema min(int length) {
        return new StringSchema(format, length, max, options);
    }

    public StringSchema max(int length) {
        return new StringSchema(format, min, length, options);
    }

    /** A non-empty string, as zod's {@code .min(1)}. */
    public StringSchema nonEmpty() {
        return min(1);
    }

    @Override
    public JsonNode check(JsonNode value, Path path, Issues issues) {
        if (value == null || !value.isString()) {
            issues.add(path, options != null ? invalidOption() : Issues.invalidType("string", value));
            return value;
        }
        String s = value.asString();
        if (options != null && !options.contains(s)) {
            issues.add(path, invalidOption());
            return value;
        }
        if (format == Format.EMAIL && !EMAIL.matcher(s).matches()) {
            issues.add(path, "Invalid email address");
        } else if (format == Format.URL && !isUrl(s)) {
            issues.add(path, "Invalid URL");
        }
        int length = s.length();
        if (min != null && length < min) {
            issues.add(path, "Too small: expected string to have >=" + min + " characters");
        }
        if (max != null && length > max) {
            issues.add(path, "Too big: expected string to have <=" + max + " characters");
        }
        return value;
    }

    private String invalidOption() {
        return "Invalid option: expected one of "
                + options.stream().map(o -> "\"" + o + "\"").collect(Collectors.joining("|"));
    }

    private static boolean isUrl(String s) {
        try {
            java.net.URI uri = new java.net.URI(s);
            return uri.getScheme() != null && (uri.getHost() != null || uri.getSchemeSpecificPart() != null);
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    @Override
    public Map<String, Object> jsonSchema() {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "string");
        if (format == Format.EMAIL) {
            schema.put("format", "email");
        } else if (format == Format.URL) {
            schema.put("format", "uri");
        }
        if (min != null) {
            schema.put("minLength", min);
        }
        if (max != null) {
            schema.put("maxLength", max);
        }
        if (options != null) {
            schema.put("enum", options);
        }
        return schema;
    }
}
