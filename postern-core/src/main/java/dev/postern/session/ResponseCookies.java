package dev.postern.session;

import dev.postern.endpoint.EndpointContext;
import dev.postern.http.Cookie;
import java.util.List;

/**
 * Writes cookies into the response being built so that one response never carries two
 * {@code Set-Cookie} headers for the same name: a later value replaces an earlier one in place. better-auth
 * scrubs earlier entries only when it expires a cookie; doing it always keeps a valid token from leaking
 * next to its own deletion (the reason better-auth scrubs at all) and keeps responses easy to read.
 *
 * <p>It edits {@link EndpointContext#cookies()} in place: that list is the response being built, and the
 * engine copies it onto the response (or onto an error thrown later in the call).
 */
final class ResponseCookies {
    private ResponseCookies() {
    }

    /** Sets {@code cookie}, replacing a pending cookie of the same name. */
    static void set(EndpointContext ctx, Cookie cookie) {
        List<Cookie> pending = ctx.cookies();
        for (int i = 0; i < pending.size(); i++) {
            if (pending.get(i).name().equals(cookie.name())) {
                pending.set(i, cookie);
                pending.removeIf(c -> c != cookie && c.name().equals(cookie.name()));
                return;
            }
        }
        ctx.setCookie(cookie);
    }

    /** Removes pending cookies named {@code name} or {@code name.N} (its chunks). */
    static void removeWithChunks(EndpointContext ctx, String name) {
        ctx.cookies().removeIf(c -> c.name().equals(name) || isChunkOf(name, c.name()));
    }

    /** Expires {@code expired}: drops pending chunks of it, then sets the expiry in place of a pending value. */
    static void expire(EndpointContext ctx, Cookie expired) {
        ctx.cookies().removeIf(c -> isChunkOf(expired.name(), c.name()));
        set(ctx, expired);
    }

    static boolean isChunkOf(String name, String candidate) {
        if (!candidate.startsWith(name + ".")) {
            return false;
        }
        String suffix = candidate.substring(name.length() + 1);
        return !suffix.isEmpty() && suffix.chars().allMatch(ch -> ch >= '0' && ch <= '9');
    }
}
