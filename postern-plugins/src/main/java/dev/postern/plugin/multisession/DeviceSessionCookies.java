package dev.postern.plugin.multisession;

import dev.postern.endpoint.EndpointContext;
import dev.postern.http.Cookie;
import dev.postern.session.AuthCookies;
import dev.postern.session.Session;
import dev.postern.session.SessionService;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The per-session cookies of a browser holding several accounts: {@code <session_token cookie
 * name>_multi-<token lower-cased>}, signed like the session cookie and with its attributes and
 * {@code Max-Age} (better-auth's {@code authCookies.sessionToken.attributes}).
 */
final class DeviceSessionCookies {
    private static final String MULTI = "_multi-";

    private DeviceSessionCookies() {
    }

    /** One verified cookie of the request: its key (name without prefix) and the session token it names. */
    record Entry(String key, String token) {
    }

    static String key(String token) {
        return AuthCookies.SESSION_TOKEN + MULTI + token.toLowerCase(Locale.ROOT);
    }

    static Cookie set(SessionService sessions, String token) {
        return sessions.cookies().signed(key(token), token, sessions.settings().expiresIn());
    }

    static Cookie expire(SessionService sessions, String key) {
        return sessions.cookies().expired(key);
    }

    /** The request's multi-session cookies whose signature verifies, in the order the request sent them. */
    static List<Entry> of(EndpointContext ctx) {
        AuthCookies cookies = ctx.postern().sessions().cookies();
        String sessionCookie = cookies.name(AuthCookies.SESSION_TOKEN);
        List<Entry> entries = new ArrayList<>();
        for (String name : ctx.request().cookies().keySet()) {
            if (name.startsWith(sessionCookie + MULTI)) {
                String key = AuthCookies.SESSION_TOKEN + name.substring(sessionCookie.length());
                cookies.readSigned(ctx.request(), key).ifPresent(token -> entries.add(new Entry(key, token)));
            }
        }
        return entries;
    }

    /** The cookie of the request for {@code token}, verified. */
    static Optional<String> read(EndpointContext ctx, String token) {
        return ctx.postern().sessions().cookies().readSigned(ctx.request(), key(token));
    }

    /** The stored session of {@code token} if it has not expired. */
    static Optional<Session> live(EndpointContext ctx, String token) {
        Instant now = ctx.postern().config().clock().instant();
        return ctx.postern().sessions().findByToken(token).filter(s -> s.expiresAt().isAfter(now));
    }
}
