package dev.postern.session;

import dev.postern.crypto.CachedSession;
import dev.postern.endpoint.EndpointContext;
import dev.postern.http.Status;
import dev.postern.store.Row;
import java.time.Instant;
import java.util.Optional;

/**
 * Finds the session of a request, in the order of better-auth's {@code getSession}: the signed token
 * cookie, then the cookie cache when it is on and trustworthy, then the database, where expired sessions
 * are dropped (with the cookies) and live ones are extended once they are {@code updateAge} old.
 */
final class SessionReader {
    private final SessionSettings settings;
    private final AuthCookies cookies;
    private final CookieCache cache;
    private final SessionCookieWriter writer;
    private final SessionStorage repository;

    SessionReader(SessionSettings settings, AuthCookies cookies, CookieCache cache, SessionCookieWriter writer,
                  SessionStorage repository) {
        this.settings = settings;
        this.cookies = cookies;
        this.cache = cache;
        this.writer = writer;
        this.repository = repository;
    }

    SessionLookup lookup(EndpointContext ctx, SessionLookup.Options options) {
        Optional<String> token = cookies.readSigned(ctx.request(), AuthCookies.SESSION_TOKEN);
        if (token.isEmpty() && cache.enabled()) {
            return SessionLookup.none();
        }
        Optional<String> cachedValue = cache.rawValue(ctx.request());
        if (cachedValue.isPresent() && !cache.enabled()) {
            // A cache cookie left from when the cache was on: nothing will ever read it again.
            cache.expireAllSent(ctx);
        }
        if (token.isEmpty()) {
            return SessionLookup.none();
        }
        boolean dontRemember = writer.requestSaysDontRemember(ctx);
        if (cache.enabled() && !options.disableCookieCache() && cachedValue.isPresent()) {
            Optional<Session> cached = fromCache(cachedValue.get(), token.get());
            if (cached.isPresent()) {
                return SessionLookup.found(cached.get());
            }
            cache.expire(ctx);
        }
        return fromDatabase(ctx, token.get(), dontRemember, options);
    }

    private Optional<Session> fromCache(String cachedValue, String token) {
        Optional<CachedSession> decoded = cache.decode(cachedValue);
        return decoded.flatMap(cached -> cache.usableFor(cached, token));
    }

    private SessionLookup fromDatabase(EndpointContext ctx, String token, boolean dontRemember,
                                       SessionLookup.Options options) {
        Optional<Session> stored = repository.findByToken(token);
        Instant now = repository.now();
        if (stored.isEmpty() || stored.get().expiresAt().isBefore(now)) {
            writer.clear(ctx);
            // A deferred-refresh GET must not write; the client's POST will clean up.
            if (stored.isPresent() && (!settings.deferRefresh() || options.explicitRefresh())) {
                repository.deleteByToken(token);
            }
            return SessionLookup.none();
        }
        Session session = stored.get();
        if (dontRemember || options.disableRefresh()) {
            return SessionLookup.found(session);
        }
        boolean needsRefresh = isDueForRefresh(session, now) && !settings.disableRefresh();
        if (settings.deferRefresh() && !options.explicitRefresh()) {
            cache.write(ctx, session, false);
            return new SessionLookup(Optional.of(session), Optional.of(needsRefresh));
        }
        if (needsRefresh) {
            Row extended = repository.extend(token, settings.expiresIn()).orElseThrow(() -> {
                // Deleted between the read and the update (a concurrent sign-out).
                writer.clear(ctx);
                return SessionErrorCodes.FAILED_TO_GET_SESSION.toException(Status.UNAUTHORIZED);
            });
            Session refreshed = session.withSession(extended);
            writer.write(ctx, refreshed, false);
            return SessionLookup.found(refreshed);
        }
        cache.write(ctx, session, false);
        return SessionLookup.found(session);
    }

    /**
     * better-auth's rule: {@code expiresAt - expiresIn + updateAge <= now}, i.e. the last extension (or
     * creation) is at least {@code updateAge} ago.
     */
    private boolean isDueForRefresh(Session session, Instant now) {
        Instant lastExtended = session.expiresAt().minus(settings.expiresIn());
        return !lastExtended.plus(settings.updateAge()).isAfter(now);
    }
}
