package dev.postern.http;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The answer to an {@link AuthRequest}: what an adapter writes back to the client.
 *
 * @param status numeric status
 * @param reason reason phrase; better-auth sends the status name (e.g. {@code UNAUTHORIZED}) on errors
 *     and an empty phrase on success, and HTTP/1.1 adapters should pass it through
 * @param headers response headers; {@code Set-Cookie} may repeat
 * @param body the body bytes, empty for none
 */
public record AuthResponse(int status, String reason, Headers headers, byte[] body) {

    public static final String JSON = "application/json";

    public AuthResponse {
        Objects.requireNonNull(headers, "headers");
        reason = reason == null ? "" : reason;
        body = body == null ? new byte[0] : body;
    }

    public static AuthResponse json(int status, String reason, String json, Headers extra) {
        Headers headers = extra.toBuilder().set("Content-Type", JSON).build();
        return new AuthResponse(status, reason, headers, json.getBytes(StandardCharsets.UTF_8));
    }

    /** A 404 with an empty body, as better-call answers unknown paths. */
    public static AuthResponse notFound() {
        return new AuthResponse(404, "Not Found", Headers.empty(), new byte[0]);
    }

    public static AuthResponse html(int status, String html) {
        return new AuthResponse(status, "", Headers.of("Content-Type", "text/html; charset=utf-8"),
                html.getBytes(StandardCharsets.UTF_8));
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public java.util.Optional<String> header(String name) {
        return headers.first(name);
    }
}
