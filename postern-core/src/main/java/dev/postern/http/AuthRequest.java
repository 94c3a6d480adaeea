package dev.postern.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One HTTP request as Postern sees it, independent of any server: an adapter (Jetty, Servlet, Spring)
 * builds it, {@code Postern.handle} answers it.
 *
 * @param method upper-case HTTP method
 * @param path the request path without the query string, still percent-encoded
 * @param query decoded query parameters in arrival order
 * @param headers request headers (cookies stay in the {@code Cookie} header)
 * @param body the raw body; empty when there is none
 * @param clientAddress the socket peer address, used when no trusted proxy header names the client
 */
public record AuthRequest(
        String method,
        String path,
        Map<String, List<String>> query,
        Headers headers,
        byte[] body,
        String clientAddress) {

    public AuthRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        method = method.toUpperCase(Locale.ROOT);
        query = query == null ? Map.of() : Map.copyOf(query);
        headers = headers == null ? Headers.empty() : headers;
        body = body == null ? new byte[0] : body;
    }

    public static Builder builder(String method, String pathAndQuery) {
        return new Builder(method, pathAndQuery);
    }

    public static AuthRequest get(String pathAndQuery) {
        return builder("GET", pathAndQuery).build();
    }

    public static AuthRequest postJson(String path, String json) {
        return builder("POST", path).header("Content-Type", "application/json").body(json).build();
    }

    public Optional<String> queryParam(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    public Optional<String> header(String name) {
        return headers.first(name);
    }

    /** The media type of the body without parameters, lower-cased: {@code application/json}. */
    public Optional<String> mediaType() {
        return headers.first("Content-Type").map(v -> {
            int semi = v.indexOf(';');
            return (semi >= 0 ? v.substring(0, semi) : v).trim().toLowerCase(Locale.ROOT);
        }).filter(v -> !v.isEmpty());
    }

    /** Cookies sent by the client, first occurrence wins, values as sent (not URL-decoded). */
    public Map<String, String> cookies() {
        Map<String, String> cookies = new LinkedHashMap<>();
        for (String header : headers.all("Cookie")) {
            for (String pair : header.split(";")) {
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    continue;
                }
                String name = pair.substring(0, eq).trim();
                String value = pair.substring(eq + 1).trim();
                cookies.putIfAbsent(name, value);
            }
        }
        return cookies;
    }

    public Optional<String> cookie(String name) {
        return Optional.ofNullable(cookies().get(name));
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** Parses {@code a=1&b=2} into a multimap, decoding {@code +} and percent escapes as forms do. */
    public static Map<String, List<String>> parseQuery(String raw) {
        Map<String, List<String>> result = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return result;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq >= 0 ? pair.substring(0, eq) : pair);
            String value = eq >= 0 ? decode(pair.substring(eq + 1)) : "";
            result.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return result;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return s;
        }
    }

    /** Assembles a request; used by adapters and tests. */
    public static final class Builder {
        private final String method;
        private final String path;
        private final Map<String, List<String>> query;
        private final Headers.Builder headers = Headers.builder();
        private byte[] body = new byte[0];
        private String clientAddress;

        private Builder(String method, String pathAndQuery) {
            this.method = method;
            int q = pathAndQuery.indexOf('?');
            this.path = q >= 0 ? pathAndQuery.substring(0, q) : pathAndQuery;
            this.query = parseQuery(q >= 0 ? pathAndQuery.substring(q + 1) : null);
        }

        public Builder header(String name, String value) {
            headers.add(name, value);
            return this;
        }

        public Builder body(byte[] body) {
            this.body = body;
            return this;
        }

        public Builder body(String body) {
            this.body = body.getBytes(StandardCharsets.UTF_8);
            return this;
        }

        public Builder json(String json) {
            headers.set("Content-Type", "application/json");
            return body(json);
        }

        public Builder clientAddress(String address) {
            this.clientAddress = address;
            return this;
        }

        public AuthRequest build() {
            return new AuthRequest(method, path, query, headers.build(), body, clientAddress);
        }
    }
}
