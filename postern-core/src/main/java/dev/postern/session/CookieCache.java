package dev.postern.session;

import dev.postern.crypto.CachedSession;
import dev.postern.crypto.CookieCacheCodec;
import dev.postern.crypto.CookieChunks;
import dev.postern.endpoint.EndpointContext;
import dev.postern.http.AuthRequest;
import dev.postern.http.Cookie;
import dev.postern.schema.Table;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code session_data} cookie: writes better-auth's {@code {session, user, updatedAt, version}}
 * payload in the configured encoding (chunked when large, stale chunks expired), and reads it back only
 * when it verifies, belongs to the session token on the same request, has the configured version and has
 * not expired.
 */
final class CookieCache {
    private final CookieCacheSettings settings;
    private final AuthCookies cookies;
    private final CookieCacheCodec codec;
    private final Table sessionTable;
    private final Table userTable;
    private final Clock clock;

    CookieCache(CookieCacheSettings settings, AuthCookies cookies, CookieCacheCodec codec,
                Table sessionTable, Table userTable, Clock clock) {
        this.settings = settings;
        this.cookies = cookies;
        this.codec = codec;
        this.sessionTable = sessionTable;
        this.userTable = userTable;
        this.clock = clock;
    }

    boolean enabled() {
        return settings.enabled();
    }

    /**
     * Caches {@code session} on the response. A "don't remember" session gets a browser-session cookie,
     * like its token cookie, and the codec's short fallback lifetime.
     */
    void write(EndpointContext ctx, Session session, boolean dontRemember) {
        if (!settings.enabled()) {
            return;
        }
        ObjectNode payload = JsonNodeFactory.instance.objectNode();
        payload.set("session", CachedRows.toJson(sessionTable, session.session()));
        payload.set("user", CachedRows.toJson(userTable, session.user()));
        payload.put("updatedAt", clock.millis());
        payload.put("version", settings.version());
        Duration maxAge = dontRemember ? null : settings.maxAge();
        String value = codec.encode(payload, dontRemember ? codec.lifetimeWhenNotRemembered() : maxAge);
        Cookie cookie = cookies.create(AuthCookies.SESSION_DATA, value, maxAge);
        // A value written earlier in this response (whole or chunked) is superseded, not kept beside it.
        ResponseCookies.removeWithChunks(ctx, cookie.name());
        CookieChunks.replace(cookie, ctx.request().cookies().keySet()).forEach(c -> ResponseCookies.set(ctx, c));
    }

    /** The cookie value the request carries, its chunks joined, before any verification. */
    Optional<String> rawValue(AuthRequest request) {
        return CookieChunks.join(cookies.name(AuthCookies.SESSION_DATA), request.cookies());
    }

    /** The decoded value, if it verifies and has not expired (the cache entry or the session inside it). */
    Optional<CachedSession> decode(String rawValue) {
        return codec.decode(rawValue);
    }

    /**
     * The cached session when it belongs to {@code token} and carries the configured version; a copy
     * made for another session or before a version change is not trusted.
     */
    Optional<Session> usableFor(CachedSession cached, String token) {
        ObjectNode data = cached.sessionData();
        JsonNode session = data.get("session");
        JsonNode version = data.get("version");
        String cachedVersion = version == null || version.isNull() ? CookieCacheSettings.DEFAULT_VERSION : version.asString();
        if (!token.equals(session.path("token").asString(null)) || !settings.version().equals(cachedVersion)) {
            return Optional.empty();
        }
        return Optional.of(new Session(CachedRows.toRow(sessionTable, session), CachedRows.toRow(userTable, data.get("user"))));
    }

    /** Expires the {@code session_data} cookie itself (better-auth's {@code expireCookie}). */
    void expire(EndpointContext ctx) {
        ResponseCookies.expire(ctx, cookies.expired(AuthCookies.SESSION_DATA));
    }

    /** Expires every {@code session_data} cookie and chunk the request carried (the session store's {@code clean}). */
    void expireAllSent(EndpointContext ctx) {
        String name = cookies.name(AuthCookies.SESSION_DATA);
        for (String sent : ctx.request().cookies().keySet()) {
            if (sent.equals(name) || ResponseCookies.isChunkOf(name, sent)) {
                ResponseCookies.set(ctx, cookies.raw(sent, "", Duration.ZERO));
            }
        }
    }
}
