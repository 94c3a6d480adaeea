package dev.postern.http;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * A cookie to set on the response, rendered in the attribute order better-auth uses:
 * {@code name=value; Max-Age=604800; Domain=..; Path=/; HttpOnly; Secure; SameSite=Lax; Partitioned}.
 * The value must already be encoded for a cookie (better-auth URI-encodes signed values).
 */
public record Cookie(
        String name,
        String value,
        Duration maxAge,
        String domain,
        String path,
        boolean httpOnly,
        boolean secure,
        String sameSite,
        boolean partitioned) {

    public Cookie {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }

    public static Cookie of(String name, String value) {
        return new Cookie(name, value, null, null, "/", true, false, "Lax", false);
    }

    /** The same cookie with an empty value and {@code Max-Age=0}: how a cookie is deleted. */
    public Cookie expired() {
        return new Cookie(name, "", Duration.ZERO, domain, path, httpOnly, secure, sameSite, partitioned);
    }

    public Cookie withValue(String newValue) {
        return new Cookie(name, newValue, maxAge, domain, path, httpOnly, secure, sameSite, partitioned);
    }

    public Cookie withMaxAge(Duration newMaxAge) {
        return new Cookie(name, value, newMaxAge, domain, path, httpOnly, secure, sameSite, partitioned);
    }

    public Cookie withSecure(boolean newSecure) {
        return new Cookie(name, value, maxAge, domain, path, httpOnly, newSecure, sameSite, partitioned);
    }

    /** The {@code Set-Cookie} header value. */
    public String toHeader() {
        StringBuilder sb = new StringBuilder(name).append('=').append(value);
        if (maxAge != null) {
            sb.append("; Max-Age=").append(maxAge.toSeconds());
        }
        if (domain != null) {
            sb.append("; Domain=").append(domain);
        }
        if (path != null) {
            sb.append("; Path=").append(path);
        }
        if (httpOnly) {
            sb.append("; HttpOnly");
        }
        if (secure) {
            sb.append("; Secure");
        }
        if (sameSite != null) {
            String s = sameSite.toLowerCase(Locale.ROOT);
            sb.append("; SameSite=").append(Character.toUpperCase(s.charAt(0))).append(s.substring(1));
        }
        if (partitioned) {
            sb.append("; Partitioned");
        }
        return sb.toString();
    }
}
