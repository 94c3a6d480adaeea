package dev.postern.session;

import dev.postern.endpoint.EndpointContext;
import java.time.Duration;

/**
 * Puts a session into the response's cookies and takes it out again, as better-auth's
 * {@code setSessionCookie} and {@code deleteSessionCookie} do: the signed {@code session_token}, the
 * signed {@code dont_remember} marker, and the cookie cache.
 */
final class SessionCookieWriter {
    private final AuthCookies cookies;
    private final CookieCache cache;
    private final Duration expiresIn;

    SessionCookieWriter(AuthCookies cookies, CookieCache cache, Duration expiresIn) {
        this.cookies = cookies;
        this.cache = cache;
        this.expiresIn = expiresIn;
    }

    /** Whether the request carries a validly signed {@code dont_remember} cookie. */
    boolean requestSaysDontRemember(EndpointContext ctx) {
        return cookies.readSigned(ctx.request(), AuthCookies.DONT_REMEMBER).isPresent();
    }

    /**
     * Sets the cookies of {@code session}. A "don't remember" session gets browser-session cookies (no
     * {@code Max-Age}) and the {@code dont_remember} marker; a remembered one clears a marker the request
     * still carries.
     */
    void write(EndpointContext ctx, Session session, boolean dontRemember) {
        boolean markerSent = requestSaysDontRemember(ctx);
        ResponseCookies.set(ctx, cookies.signed(AuthCookies.SESSION_TOKEN, session.token(), dontRemember ? null : expiresIn));
        if (dontRemember) {
            ResponseCookies.set(ctx, cookies.signed(AuthCookies.DONT_REMEMBER, "true", null));
        } else if (markerSent) {
            ResponseCookies.expire(ctx, cookies.expired(AuthCookies.DONT_REMEMBER));
        }
        cache.write(ctx, session, dontRemember);
    }

    /**
     * Expires {@code session_token}, {@code session_data} with every chunk the request sent, and
     * {@code dont_remember}; a value queued earlier in the same response is replaced by its expiry.
     */
    void clear(EndpointContext ctx) {
        clearKeepingDontRemember(ctx);
        ResponseCookies.expire(ctx, cookies.expired(AuthCookies.DONT_REMEMBER));
    }

    /** {@link #clear} without touching {@code dont_remember} (better-auth's {@code deleteSessionCookie(ctx, true)}). */
    void clearKeepingDontRemember(EndpointContext ctx) {
        ResponseCookies.expire(ctx, cookies.expired(AuthCookies.SESSION_TOKEN));
        cache.expire(ctx);
        cache.expireAllSent(ctx);
    }
}
