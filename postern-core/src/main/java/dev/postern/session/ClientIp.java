package dev.postern.session;

import dev.postern.http.AuthRequest;
import java.util.Locale;

/**
 * The client address recorded on a session: the first {@code X-Forwarded-For} entry, then
 * {@code X-Real-IP}, then the socket peer; outside production, {@code 127.0.0.1} when none is known, as
 * better-auth falls back in development. Kept in one place so that trusted-proxy rules can replace it.
 */
public final class ClientIp {
    private static final String LOOPBACK = "127.0.0.1";
    private static final String MAPPED_IPV4_PREFIX = "::ffff:";

    private ClientIp() {
    }

    /** The address, or the empty string when none is known in production (better-auth stores {@code ""}). */
    public static String of(AuthRequest request, boolean production) {
        String forwarded = firstEntry(request.headers().get("X-Forwarded-For"));
        if (forwarded != null) {
            return normalize(forwarded);
        }
        String realIp = firstEntry(request.headers().get("X-Real-IP"));
        if (realIp != null) {
            return normalize(realIp);
        }
        String peer = request.clientAddress();
        if (peer != null && !peer.isBlank()) {
            return normalize(peer.trim());
        }
        return production ? "" : LOOPBACK;
    }

    private static String firstEntry(String header) {
        if (header == null) {
            return null;
        }
        int comma = header.indexOf(',');
        String first = (comma >= 0 ? header.substring(0, comma) : header).trim();
        return first.isEmpty() ? null : first;
    }

    /** IPv4-mapped IPv6 ({@code ::ffff:192.0.2.1}) becomes the IPv4 address, as better-auth normalises it. */
    private static String normalize(String address) {
        String lower = address.toLowerCase(Locale.ROOT);
        if (lower.startsWith("[") && lower.endsWith("]")) {
            lower = lower.substring(1, lower.length() - 1);
        }
        if (lower.startsWith(MAPPED_IPV4_PREFIX) && lower.indexOf('.') > 0) {
            return lower.substring(MAPPED_IPV4_PREFIX.length());
        }
        return lower;
    }
}
