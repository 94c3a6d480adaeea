package dev.postern.pipeline;

import dev.postern.endpoint.EndpointContext;
import dev.postern.error.ApiException;
import dev.postern.http.AuthResponse;
import dev.postern.http.Cookie;
import dev.postern.http.Headers;
import dev.postern.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders endpoint results and errors into responses byte-compatible with better-call's. */
public final class ResponseWriter {
    private ResponseWriter() {
    }

    public static AuthResponse success(EndpointContext ctx) {
        Object value = ctx.returned();
        Headers.Builder headers = ctx.responseHeaders().toBuilder();
        if (ctx.endpoint().metadata().noStore()) {
            headers.set("Cache-Control", "no-store").set("Pragma", "no-cache");
        }
        addCookies(headers, ctx.cookies());
        if (value instanceof AuthResponse response) {
            Headers.Builder merged = response.headers().toBuilder();
            headers.build().asMap().forEach((name, values) -> {
                if (name.equalsIgnoreCase("Set-Cookie")) {
                    values.forEach(v -> merged.add(name, v));
                } else if (!response.headers().has(name)) {
                    values.forEach(v -> merged.add(name, v));
                }
            });
            return new AuthResponse(response.status(), response.reason(), merged.build(), response.body());
        }
        headers.set("Content-Type", AuthResponse.JSON);
        return new AuthResponse(200, "", headers.build(), Json.writeBytes(value));
    }

    public static AuthResponse error(ApiException e, List<Cookie> cookiesSoFar, Headers headersSoFar) {
        Headers.Builder headers = headersSoFar.toBuilder();
        e.headers().asMap().forEach((name, values) -> values.forEach(v -> headers.set(name, v)));
        headers.set("Content-Type", AuthResponse.JSON);
        addCookies(headers, cookiesSoFar);
        addCookies(headers, e.cookies());
        byte[] body = new byte[0];
        if (e.hasBody()) {
            Map<String, String> json = new LinkedHashMap<>();
            if (e.getMessage() != null) {
                json.put("message", e.getMessage());
            }
            if (e.code() != null) {
                json.put("code", e.code());
            }
            body = Json.writeBytes(json);
        }
        return new AuthResponse(e.status().code(), e.reason(), headers.build(), body);
    }

    /** An unexpected failure: better-call answers 500 with an empty body and never leaks details. */
    public static AuthResponse internalError() {
        return new AuthResponse(500, "Internal Server Error", Headers.empty(), new byte[0]);
    }

    public static AuthResponse plainNotFound() {
        return new AuthResponse(404, "Not Found", Headers.of("Content-Type", "text/plain;charset=UTF-8"),
                "Not Found".getBytes(StandardCharsets.UTF_8));
    }

    private static void addCookies(Headers.Builder headers, List<Cookie> cookies) {
        for (Cookie cookie : cookies) {
            headers.add("Set-Cookie", cookie.toHeader());
        }
    }
}
