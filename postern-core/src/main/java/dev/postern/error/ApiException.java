package dev.postern.error;

import dev.postern.http.Cookie;
import dev.postern.http.Headers;
import dev.postern.http.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An error answered to the client in better-auth's shape: the status, the status name as reason
 * phrase, and the JSON body {@code {"message","code"}}. {@code code} and {@code message} may each be
 * absent, exactly as better-auth omits them in a few places (an empty 404, a message without code).
 *
 * <p>Handlers throw it; it never escapes {@code Postern.handle}.
 */
public class ApiException extends RuntimeException {
    private final Status status;
    private final String code;
    private final String reason;
    private final Headers headers;
    private final List<Cookie> cookies = new ArrayList<>();

    public ApiException(Status status, String code, String message) {
        this(status, code, message, status.name(), Headers.empty());
    }

    private ApiException(Status status, String code, String message, String reason, Headers headers) {
        super(message, null, false, false);
        this.status = Objects.requireNonNull(status, "status");
        this.code = code;
        this.reason = reason;
        this.headers = headers;
    }

    /** An error with a status and no body, e.g. better-auth's bare 404 for a disabled feature. */
    public static ApiException bare(Status status) {
        return new ApiException(status, null, null);
    }

    /** An error with a message but no code ({@code APIError.fromStatus(..., {message})}). */
    public static ApiException message(Status status, String message) {
        return new ApiException(status, null, message);
    }

    /**
     * A schema validation failure. better-call answers it with status 400 and the literal reason
     * phrase {@code "400"} rather than {@code BAD_REQUEST}.
     */
    public static ApiException validation(String message) {
        return new ApiException(Status.BAD_REQUEST, "VALIDATION_ERROR", message, "400", Headers.empty());
    }

    /** A 302 redirect raised from inside a handler, as better-auth throws {@code APIError("FOUND")}. */
    public static ApiException redirect(String location) {
        return new ApiException(Status.FOUND, null, null, Status.FOUND.name(), Headers.of("Location", location));
    }

    public Status status() {
        return status;
    }

    /** The error code, or null when the body carries only a message or nothing. */
    public String code() {
        return code;
    }

    public String reason() {
        return reason;
    }

    public Headers headers() {
        return headers;
    }

    public List<Cookie> cookies() {
        return cookies;
    }

    /** Adds a cookie that must reach the client even though the request failed. */
    public ApiException withCookie(Cookie cookie) {
        cookies.add(cookie);
        return this;
    }

    /** True when the response has a JSON body (a message, a code or both). */
    public boolean hasBody() {
        return code != null || getMessage() != null;
    }
}
