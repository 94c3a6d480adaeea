package dev.postern.security;

import dev.postern.endpoint.Endpoint;
import dev.postern.http.AuthRequest;
import dev.postern.json.Json;
import dev.postern.validation.Schema;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * Generates malformed requests for an endpoint from its declaration alone (methods, path parameters, body
 * and query schemas, media types), so a new plugin's endpoints are fuzzed without a line of test code.
 * Every request for a body-taking method carries at least one defect that parsing, validation or the
 * origin check must refuse ({@link Defect}); junk that a valid request may legitimately carry (unknown
 * fields, odd but well-typed strings, query noise, hostile origins without cookies) is added on top.
 */
final class MalformedRequests {
    /** What makes a request malformed; {@link #NONE} only for GETs that declare nothing to get wrong. */
    enum Defect {
        WRONG_TYPE, MISSING_REQUIRED, INVALID_JSON, INVALID_UTF8, WRONG_CONTENT_TYPE, NOT_AN_OBJECT, DEEP_NESTING,
        DUPLICATE_KEY, NUL_CHARACTER, OVERSIZED, FOREIGN_ORIGIN_WITH_COOKIE, REPEATED_QUERY_PARAMETER, NONE
    }

    /** One generated request, with what is wrong with it, for reports. */
    record Case(Endpoint endpoint, Defect defect, AuthRequest request, String description) {
        boolean mustFail() {
            return defect != Defect.NONE;
        }
    }

    private static final String[] JUNK_STRINGS = {"", " ", "null", "undefined", "0", "-1", "true", "{}", "[]",
            "<script>alert(1)</script>", "' OR '1'='1", "../../etc/passwd", "%00", "%zz", "\u202e\u0644\u0627",
            "😀👩‍👩‍👧", "a\r\nSet-Cookie: x=1", "\t\b\f", "https://evil.example/", "//evil.example",
            "javascript:alert(1)", "ADA@EXAMPLE.COM.", "ada+tag@example.com", "ädä@exämple.com", "\u0000"};
    private static final String[] FOREIGN_ORIGINS = {"https://evil.example", "null", "http://127.0.0.1.evil.example",
            "file://", "https://evil.example\r\nX-Injected: 1"};
    private static final String[] WRONG_CONTENT_TYPES = {"text/plain", "application/xml", "multipart/form-data; boundary=x",
            "application/json-patch+json", "image/png", "application/x-www-form-urlencoded-evil", ";"};

    private final Random random;
    private final String basePath;
    private final String sessionCookie;
    private final String trustedOrigin;
    private final boolean overHttp;
    private final byte[] oversized;

    /**
     * @param overHttp requests that a real HTTP client must be able to send: no control characters or
     *     malformed escapes in the path and query, no CR/LF in headers
     */
    MalformedRequests(Random random, String basePath, String sessionCookie, String trustedOrigin, int maxBodyBytes,
                      boolean overHttp) {
        this.random = random;
        this.basePath = basePath;
        this.sessionCookie = sessionCookie;
        this.trustedOrigin = trustedOrigin;
        this.overHttp = overHttp;
        this.oversized = ("{\"x\":\"" + "a".repeat(maxBodyBytes) + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    Case next(Endpoint endpoint) {
        List<String> methods = List.copyOf(endpoint.methods());
        String method = methods.get(random.nextInt(methods.size()));
        boolean withCookie = random.nextBoolean();
        boolean takesBody = !method.equals("GET") && !method.equals("HEAD");
        List<Defect> possible = takesBody ? bodyDefects(endpoint, withCookie) : queryDefects(endpoint);
        Defect defect = possible.isEmpty() ? Defect.NONE : possible.get(random.nextInt(possible.size()));

        // Body defects stay in the body; the query only carries the defects of a GET.
        Map<String, List<String>> query = junkQuery(endpoint, takesBody ? Defect.NONE : defect);
        AuthRequest.Builder request = AuthRequest.builder(method, basePath + path(endpoint) + queryString(query));
        if (withCookie) {
            request.header("Cookie", sessionCookie);
        }
        String origin = defect == Defect.FOREIGN_ORIGIN_WITH_COOKIE || random.nextInt(4) == 0
                ? foreignOrigin() : trustedOrigin;
        if (origin != null) {
            request.header("Origin", origin);
        }
        if (takesBody) {
            body(endpoint, defect, request);
        }
        String description = method + " " + endpoint.path() + " [" + defect + (withCookie ? ", cookie" : "") + "]";
        return new Case(endpoint, defect, request.build(), description);
    }

    private List<Defect> bodyDefects(Endpoint endpoint, boolean withCookie) {
        List<Defect> defects = new ArrayList<>(List.of(Defect.INVALID_JSON, Defect.INVALID_UTF8, Defect.WRONG_CONTENT_TYPE,
                Defect.NOT_AN_OBJECT, Defect.DEEP_NESTING, Defect.DUPLICATE_KEY, Defect.NUL_CHARACTER));
        if (!typedFields(endpoint).isEmpty()) {
            defects.add(Defect.WRONG_TYPE);
            defects.add(Defect.WRONG_TYPE);
        }
        if (!requiredFields(endpoint).isEmpty()) {
            defects.add(Defect.MISSING_REQUIRED);
        }
        if (withCookie) {
            defects.add(Defect.FOREIGN_ORIGIN_WITH_COOKIE);
        }
        // Building a body over the limit is cheap, reading it is not: one request in a hundred or so.
        if (random.nextInt(100) == 0) {
            return List.of(Defect.OVERSIZED);
        }
        return defects;
    }

    private List<Defect> queryDefects(Endpoint endpoint) {
        List<Defect> defects = new ArrayList<>();
        if (endpoint.query() == null) {
            return defects;
        }
        boolean anyRequired = endpoint.query().fields().values().stream().anyMatch(s -> !s.optional());
        if (anyRequired) {
            defects.add(Defect.MISSING_REQUIRED);
            defects.add(Defect.REPEATED_QUERY_PARAMETER);
            if (!overHttp) {
                defects.add(Defect.NUL_CHARACTER);
            }
        }
        return defects;
    }

    private String path(Endpoint endpoint) {
        return java.util.Arrays.stream(endpoint.path().split("/", -1))
                .map(segment -> segment.startsWith(":") ? pathJunk() : segment)
                .collect(Collectors.joining("/"));
    }

    private String pathJunk() {
        if (overHttp) {
            return random.nextBoolean() ? randomToken(1 + random.nextInt(64)) : "%C3%A4" + randomToken(8);
        }
        String[] raw = {"%zz", "%", "%00", "%C0%AF", "..", "%2F..%2F", "a%20b", "%FF%FE", randomToken(300), "+", "~"};
        return raw[random.nextInt(raw.length)];
    }

    private Map<String, List<String>> junkQuery(Endpoint endpoint, Defect defect) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (endpoint.query() != null) {
            for (Map.Entry<String, Schema> field : endpoint.query().fields().entrySet()) {
                boolean required = !field.getValue().optional();
                if (defect == Defect.MISSING_REQUIRED && required) {
                    continue;
                }
                if (required || random.nextBoolean()) {
                    query.put(field.getKey(), new ArrayList<>(List.of(queryValue())));
                }
            }
            if (defect == Defect.REPEATED_QUERY_PARAMETER || defect == Defect.NUL_CHARACTER) {
                String name = endpoint.query().fields().entrySet().stream().filter(e -> !e.getValue().optional())
                        .findFirst().orElseThrow().getKey();
                query.put(name, new ArrayList<>(defect == Defect.NUL_CHARACTER ? List.of("a\u0000b") : List.of("a", "b")));
            }
        }
        if (random.nextInt(3) == 0) {
            query.computeIfAbsent("junk" + random.nextInt(5), k -> new ArrayList<>()).add(queryValue());
        }
        return query;
    }

    private String queryValue() {
        String value = junkString();
        if (!overHttp) {
            return value;
        }
        // Jetty answers a request line over 8 KiB with its own 414 page before Postern sees it.
        String sendable = value.replaceAll("\\p{Cntrl}", "");
        return sendable.length() > 500 ? sendable.substring(0, 500) : sendable;
    }

    private String queryString(Map<String, List<String>> query) {
        if (query.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("?");
        query.forEach((name, values) -> values.forEach(value -> out.append(out.length() > 1 ? "&" : "")
                .append(encode(name)).append('=').append(encode(value))));
        return out.toString();
    }

    private static String encode(String text) {
        // Lone surrogates cannot be percent-encoded; they are written as U+FFFD, which is what a browser sends.
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private void body(Endpoint endpoint, Defect defect, AuthRequest.Builder request) {
        String contentType = endpoint.mediaTypes().contains(Endpoint.FORM) && random.nextInt(4) == 0
                ? Endpoint.FORM : Endpoint.JSON;
        if (defect == Defect.WRONG_CONTENT_TYPE) {
            contentType = random.nextInt(8) == 0 ? null : WRONG_CONTENT_TYPES[random.nextInt(WRONG_CONTENT_TYPES.length)];
        } else if (contentType.equals(Endpoint.FORM) && !formCanCarry(defect)) {
            contentType = Endpoint.JSON;
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (defect == Defect.OVERSIZED) {
            request.body(oversized);
            return;
        }
        Map<String, Object> fields = plausibleFields(endpoint, defect);
        if (Endpoint.FORM.equals(contentType)) {
            request.body(form(fields, defect));
            return;
        }
        request.body(json(fields, defect));
    }

    private static boolean formCanCarry(Defect defect) {
        return defect == Defect.MISSING_REQUIRED || defect == Defect.INVALID_UTF8 || defect == Defect.NUL_CHARACTER
                || defect == Defect.FOREIGN_ORIGIN_WITH_COOKIE;
    }

    private byte[] form(Map<String, Object> fields, Defect defect) {
        StringBuilder out = new StringBuilder();
        fields.forEach((name, value) -> out.append(out.isEmpty() ? "" : "&").append(encode(name)).append('=')
                .append(encode(String.valueOf(value).replace("\u0000", ""))));
        if (defect == Defect.NUL_CHARACTER) {
            out.append("&name=%00");
        }
        byte[] bytes = out.toString().getBytes(StandardCharsets.UTF_8);
        if (defect == Defect.INVALID_UTF8) {
            byte[] broken = java.util.Arrays.copyOf(bytes, bytes.length + 3);
            broken[bytes.length] = '&';
            broken[bytes.length + 1] = (byte) 0xC3;
            broken[bytes.length + 2] = (byte) 0x28;
            return broken;
        }
        return bytes;
    }

    private byte[] json(Map<String, Object> fields, Defect defect) {
        String text = switch (defect) {
            case INVALID_JSON -> invalidJson(Json.write(fields));
            case NOT_AN_OBJECT -> new String[] {"[]", "[" + Json.write(fields) + "]", "42", "null", "\"text\"", "true", "-0.5e3"}[random.nextInt(7)];
            case DEEP_NESTING -> {
                int depth = 33 + random.nextInt(500);
                yield "{\"nested\":" + "[".repeat(depth) + "]".repeat(depth) + "}";
            }
            case DUPLICATE_KEY -> {
                String body = Json.write(fields);
                String key = fields.isEmpty() ? "k" : fields.keySet().iterator().next();
                yield "{\"" + key + "\":1," + (body.length() > 2 ? body.substring(1) : "\"" + key + "\":2}");
            }
            case NUL_CHARACTER -> {
                Map<String, Object> withNul = new LinkedHashMap<>(fields);
                String key = fields.isEmpty() ? "name" : fields.keySet().iterator().next();
                withNul.put(key, "a\u0000" + junkString());
                yield Json.write(withNul);
            }
            default -> Json.write(fields);
        };
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (defect == Defect.INVALID_UTF8) {
            return invalidUtf8(bytes);
        }
        return bytes;
    }

    private String invalidJson(String valid) {
        return switch (random.nextInt(6)) {
            case 0 -> valid.substring(0, Math.max(1, valid.length() - 1 - random.nextInt(Math.max(1, valid.length() - 1))));
            case 1 -> valid + "}";
            case 2 -> "{'single': 'quotes'}";
            case 3 -> "{\"a\":1,}";
            case 4 -> "{\"a\":NaN}";
            default -> "\u0000{}";
        };
    }

    private byte[] invalidUtf8(byte[] json) {
        // Somewhere inside a string value if there is one, else at the start.
        int quote = new String(json, StandardCharsets.ISO_8859_1).lastIndexOf('"');
        int at = quote > 0 ? quote : 0;
        byte[][] bad = {{(byte) 0xC3, (byte) 0x28}, {(byte) 0xFF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}, {(byte) 0xC0, (byte) 0xAF}};
        byte[] insert = bad[random.nextInt(bad.length)];
        byte[] out = new byte[json.length + insert.length];
        System.arraycopy(json, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(json, at, out, at + insert.length, json.length - at);
        return out;
    }

    /** Declared fields with values of the declared type (odd ones), one defect applied, junk fields added. */
    private Map<String, Object> plausibleFields(Endpoint endpoint, Defect defect) {
        Map<String, Object> fields = new LinkedHashMap<>();
        if (endpoint.body() != null) {
            endpoint.body().fields().forEach((name, schema) -> {
                if (!schema.optional() || random.nextBoolean()) {
                    fields.put(name, valueOf(schema.jsonSchema().get("type")));
                }
            });
        }
        if (defect == Defect.WRONG_TYPE) {
            List<String> typed = typedFields(endpoint);
            String name = typed.get(random.nextInt(typed.size()));
            fields.put(name, wrongValueFor(endpoint.body().fields().get(name).jsonSchema().get("type")));
        } else if (defect == Defect.MISSING_REQUIRED) {
            List<String> required = requiredFields(endpoint);
            fields.remove(required.get(random.nextInt(required.size())));
        }
        if (random.nextInt(3) == 0) {
            fields.put(random.nextBoolean() ? "role" : "__proto__", random.nextBoolean() ? "admin" : Map.of("isAdmin", true));
        }
        return fields;
    }

    private Object valueOf(Object type) {
        String kind = type instanceof String s ? s : type instanceof List<?> l && !l.isEmpty() ? String.valueOf(l.get(0)) : "any";
        return switch (kind) {
            case "string" -> junkString();
            case "boolean" -> random.nextBoolean();
            case "number", "integer" -> random.nextInt(5) - 2;
            case "array" -> List.of(junkString());
            case "object" -> Map.of("k", junkString());
            default -> junkString();
        };
    }

    /** A JSON value none of whose types the schema type (a name or a list of names) admits. */
    private Object wrongValueFor(Object type) {
        List<String> allowed = type instanceof String s ? List.of(s) : ((List<?>) type).stream().map(String::valueOf).toList();
        List<Object> candidates = new ArrayList<>();
        if (!allowed.contains("string")) {
            candidates.add(junkString());
        }
        if (!allowed.contains("number") && !allowed.contains("integer")) {
            candidates.add(random.nextInt());
            candidates.add(1e308);
        }
        if (!allowed.contains("boolean")) {
            candidates.add(random.nextBoolean());
        }
        if (!allowed.contains("array")) {
            candidates.add(List.of(1, "two"));
        }
        if (!allowed.contains("object")) {
            candidates.add(Map.of("nested", Map.of("deeper", "x")));
        }
        return candidates.get(random.nextInt(candidates.size()));
    }

    private static List<String> typedFields(Endpoint endpoint) {
        if (endpoint.body() == null) {
            return List.of();
        }
        return endpoint.body().fields().entrySet().stream()
                .filter(e -> {
                    Object type = e.getValue().jsonSchema().get("type");
                    return type instanceof String || type instanceof List<?>;
                })
                .map(Map.Entry::getKey).toList();
    }

    private static List<String> requiredFields(Endpoint endpoint) {
        if (endpoint.body() == null) {
            return List.of();
        }
        return endpoint.body().fields().entrySet().stream().filter(e -> !e.getValue().optional())
                .map(Map.Entry::getKey).toList();
    }

    private String junkString() {
        return switch (random.nextInt(6)) {
            case 0 -> randomToken(random.nextInt(20_000));
            case 1 -> randomUnicode(1 + random.nextInt(40));
            default -> JUNK_STRINGS[random.nextInt(JUNK_STRINGS.length)].replace("\u0000", "");
        };
    }

    private String foreignOrigin() {
        String origin = FOREIGN_ORIGINS[random.nextInt(FOREIGN_ORIGINS.length)];
        return overHttp ? origin.replaceAll("[\r\n]", "") : origin;
    }

    private String randomToken(int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append((char) ('a' + random.nextInt(26)));
        }
        return out.toString();
    }

    private String randomUnicode(int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            // Skip NUL (a defect of its own, which only NUL_CHARACTER adds) and lone surrogates (not writable as UTF-8).
            char c = (char) (1 + random.nextInt(0xFFFE));
            out.append(Character.isSurrogate(c) ? '\uFFFD' : c);
        }
        return out.toString();
    }
}
