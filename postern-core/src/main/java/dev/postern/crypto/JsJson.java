package dev.postern.crypto;

import dev.postern.json.Json;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.POJONode;

/**
 * Writes JSON exactly as JavaScript's {@code JSON.stringify(value)} does, because better-auth MACs that
 * text (the compact cookie-cache signature) and a Java signer must produce the same bytes. The rules:
 * no whitespace; object keys that are array indices first in ascending order, then the rest in insertion
 * order (JavaScript's own property order); numbers as {@link JsNumbers} prints them, non-finite ones as
 * {@code null}; strings with only {@code "}, {@code \}, control characters and lone surrogates escaped;
 * dates as {@code toISOString()}.
 *
 * <p>Accepted values: {@code null}, {@link JsonNode}, {@link CharSequence}, {@link Character},
 * {@link Boolean}, {@link Number}, {@link Instant}, {@link Date}, {@link OffsetDateTime},
 * {@link ZonedDateTime}, {@link Map}, {@link Iterable}, {@code Object[]}; anything else is first turned
 * into a tree by the project mapper ({@link Json#valueToTree}). A {@code MissingNode} plays JavaScript's
 * {@code undefined}: left out of objects, {@code null} in arrays.
 *
 * <p>The output never holds a lone surrogate (they are escaped), so any UTF-8 encoder turns it into the
 * bytes JavaScript would produce.
 */
public final class JsJson {
    /** Largest array index, 2^32 - 2: such keys are ordered numerically before all other keys. */
    private static final long MAX_ARRAY_INDEX = 4_294_967_294L;

    /** Stands in for a Java null map value, which {@code Map.entry} refuses. */
    private static final Object NULL = new Object();

    private JsJson() {
    }

    public static String stringify(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    /** Appends {@code text} as a JSON string literal, escaped as {@code JSON.stringify} escapes it. */
    public static void quote(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || isLoneSurrogate(text, i)) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static boolean isLoneSurrogate(String text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(text.charAt(i - 1));
        }
        return false;
    }

    private static void write(Object value, StringBuilder out) {
        switch (value) {
            case null -> out.append("null");
            case JsonNode node -> writeNode(node, out);
            case CharSequence text -> quote(text.toString(), out);
            case Character c -> quote(c.toString(), out);
            case Boolean b -> out.append(b);
            case Number n -> writeNumber(n.doubleValue(), out);
            case Instant instant -> quote(JsDates.toIsoString(instant), out);
            case Date date -> quote(JsDates.toIsoString(date.toInstant()), out);
            case OffsetDateTime time -> quote(JsDates.toIsoString(time.toInstant()), out);
            case ZonedDateTime time -> quote(JsDates.toIsoString(time.toInstant()), out);
            case Map<?, ?> map -> {
                List<Map.Entry<String, Object>> entries = new ArrayList<>();
                map.forEach((k, v) -> entries.add(Map.entry(String.valueOf(k), v == null ? NULL : v)));
                writeObject(entries, out);
            }
            case Iterable<?> items -> writeArray(items, out);
            case Object[] items -> writeArray(Arrays.asList(items), out);
            default -> writeNode(Json.valueToTree(value), out);
        }
    }

    private static void writeNode(JsonNode node, StringBuilder out) {
        if (node.isObject()) {
            List<Map.Entry<String, Object>> entries = new ArrayList<>();
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                if (!e.getValue().isMissingNode()) {
                    entries.add(Map.entry(e.getKey(), e.getValue()));
                }
            }
            writeObject(entries, out);
        } else if (node.isArray()) {
            writeArray(node.values(), out);
        } else if (node.isString()) {
            quote(node.stringValue(), out);
        } else if (node.isNumber()) {
            writeNumber(node.doubleValue(), out);
        } else if (node.isBoolean()) {
            out.append(node.booleanValue());
        } else if (node.isNull() || node.isMissingNode()) {
            out.append("null");
        } else if (node instanceof POJONode pojo) {
            write(pojo.getPojo(), out);
        } else {
            // Binary and other embedded values: whatever the project mapper makes of them.
            out.append(Json.write(node));
        }
    }

    private static void writeNumber(double value, StringBuilder out) {
        out.append(Double.isFinite(value) ? JsNumbers.toJsString(value) : "null");
    }

    private static void writeObject(List<Map.Entry<String, Object>> entries, StringBuilder out) {
        List<Map.Entry<String, Object>> ordered = new ArrayList<>(entries.size());
        entries.stream()
                .filter(e -> arrayIndex(e.getKey()) >= 0)
                .sorted((a, b) -> Long.compare(arrayIndex(a.getKey()), arrayIndex(b.getKey())))
                .forEach(ordered::add);
        entries.stream().filter(e -> arrayIndex(e.getKey()) < 0).forEach(ordered::add);
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, Object> e : ordered) {
            if (!first) {
                out.append(',');
            }
            first = false;
            quote(e.getKey(), out);
            out.append(':');
            writeMember(e.getValue(), out);
        }
        out.append('}');
    }

    private static void writeArray(Iterable<?> items, StringBuilder out) {
        out.append('[');
        boolean first = true;
        for (Object item : items) {
            if (!first) {
                out.append(',');
            }
            first = false;
            writeMember(item, out);
        }
        out.append(']');
    }

    private static void writeMember(Object value, StringBuilder out) {
        write(value == NULL ? null : value, out);
    }

    /** The key's value as an array index (canonical decimal, at most 2^32 - 2), or -1. */
    private static long arrayIndex(String key) {
        int length = key.length();
        if (length == 0 || length > 10 || (length > 1 && key.charAt(0) == '0')) {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < length; i++) {
            char c = key.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value <= MAX_ARRAY_INDEX ? value : -1;
    }
}
