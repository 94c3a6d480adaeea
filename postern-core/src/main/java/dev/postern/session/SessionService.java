package dev.postern.session;

import dev.postern.PosternConfig;
import dev.postern.crypto.CookieCacheCodec;
import dev.postern.endpoint.EndpointContext;
import dev.postern.error.ApiException;
import dev.postern.http.AuthRequest;
import dev.postern.http.Cookie;
import dev.postern.http.Status;
import dev.postern.schema.CoreSchema;
import dev.postern.schema.SchemaModel;
import dev.postern.store.DatabaseHooks;
import dev.postern.store.Row;
import dev.postern.store.Store;
import dev.postern.user.UserSessions;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Sessions of one Postern instance: creating them with their cookies, finding the session of a request,
 * guarding handlers, revoking. Handlers call it directly:
 *
 * <pre>{@code
 * Session session = ctx.postern().sessions().require(ctx);          // 401 without a session
 * Session fresh = ctx.postern().sessions().requireFresh(ctx);       // and 403 when not fresh
 * Session created = ctx.postern().sessions().create(ctx, user, rememberMe);  // after a sign-in
 * }</pre>
 *
 * <p>The session a call resolved is remembered on its {@link EndpointContext}, so hooks and the handler
 * of one call read the database once.
 */
public final class SessionService {
    private static final String CURRENT = SessionService.class.getName() + ".current";
    private static final String CREATED = SessionService.class.getName() + ".created";
    private static final String ASSUMED = SessionService.class.getName() + ".assumed";

    private final PosternConfig config;
    private final SessionSettings settings;
    private final AuthCookies cookies;
    private final SessionStorage repository;
    private final SessionCookieWriter writer;
    private final SessionReader reader;

    public SessionService(PosternConfig config, SchemaModel schema, Store store) {
        this(config, schema, store, DatabaseHooks.create());
    }

    /**
     * @param hooks the instance's database hooks: a session kept only in secondary storage never reaches the
     *     store, so its {@code session} create hooks (a ban check, say) are run here, as better-auth runs
     *     them whatever the storage
     */
    public SessionService(PosternConfig config, SchemaModel schema, Store store, DatabaseHooks hooks) {
        this.config = Objects.requireNonNull(config, "config");
        this.settings = config.session();
        this.cookies = new AuthCookies(config);
        DatabaseSessions database = new DatabaseSessions(store, config.clock(), settings.preserveInDatabase());
        this.repository = config.secondaryStorage()
                .<SessionStorage>map(storage -> new SecondaryStorageSessions(storage, database,
                        schema.require(CoreSchema.SESSION), schema.require(CoreSchema.USER), config.clock(), settings,
                        hooks))
                .orElse(database);
        CookieCacheSettings cacheSettings = settings.cookieCache();
        CookieCache cache = new CookieCache(cacheSettings, cookies,
                CookieCacheCodec.of(cacheSettings.strategy(), config.secrets(), config.clock()),
                schema.require(CoreSchema.SESSION), schema.require(CoreSchema.USER), config.clock());
        this.writer = new SessionCookieWriter(cookies, cache, settings.expiresIn());
        this.reader = new SessionReader(settings, cookies, cache, writer, repository);
    }

    public SessionSettings settings() {
        return settings;
    }

    /** Cookie names and attributes, for plugins that set cookies of their own. */
    public AuthCookies cookies() {
        return cookies;
    }

    /**
     * Starts a session for {@code user} and sets its cookies on the response: the signed
     * {@code session_token}, plus the signed {@code dont_remember} marker when {@code rememberMe} is off
     * (the session then lasts one day and its cookies end with the browser session), plus
     * {@code session_data} when the cookie cache is on.
     */
    public Session create(EndpointContext ctx, Row user, boolean rememberMe) {
        Session session = createWithoutCookies(user, ClientIp.of(ctx.request(), config),
                ctx.request().header("User-Agent").orElse(""), rememberMe);
        setCookies(ctx, session, !rememberMe);
        return session;
    }

    /** Starts a session without touching any response: for server-side callers that hand the token over themselves. */
    public Session createWithoutCookies(Row user, String ipAddress, String userAgent, boolean rememberMe) {
        Objects.requireNonNull(user, "user");
        Duration lifetime = rememberMe ? settings.expiresIn() : SessionSettings.NOT_REMEMBERED_EXPIRES_IN;
        return repository.insert(user, ipAddress == null ? "" : ipAddress, userAgent == null ? "" : userAgent, lifetime);
    }

    /**
     * The session of the request, if it has a valid one: from the cookie cache when it is on and
     * trustworthy, else from the database. Extends the session (and re-sets its cookies) once it is
     * {@code updateAge} old; drops an expired one and its cookies.
     */
    public Optional<Session> current(EndpointContext ctx) {
        Optional<Remembered> remembered = ctx.attribute(CURRENT);
        if (remembered.isPresent() && remembered.get().request() == ctx.request()) {
            return remembered.get().session();
        }
        return resolve(ctx, SessionLookup.Options.DEFAULT);
    }

    /**
     * The session of a request that no endpoint is answering: for adapters that hand the signed-in user to
     * the application's own handlers (a servlet, a controller). The same read as
     * {@link #current(EndpointContext)}; the cookies that read sets (an extended session, a refreshed cookie
     * cache, an expired session's removal) go to {@code setCookie}, for the adapter to add to its response.
     */
    public Optional<Session> current(AuthRequest request, Consumer<Cookie> setCookie) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(setCookie, "setCookie");
        // Reading a session touches only the request, the cookies and the attributes of its context.
        EndpointContext ctx = new EndpointContext(null, null, request, Map.of(), null, null, true);
        Optional<Session> session = resolve(ctx, SessionLookup.Options.DEFAULT);
        ctx.cookies().forEach(setCookie);
        return session;
    }

    /** The session of the request, or 401 {@code UNAUTHORIZED}. */
    public Session require(EndpointContext ctx) {
        return current(ctx).orElseThrow(SessionService::unauthorized);
    }

    /**
     * {@link #require}, and 403 {@code SESSION_NOT_FRESH} when the session was created {@code freshAge}
     * or longer ago: for actions that should follow a recent sign-in (listing sessions, unlinking).
     */
    public Session requireFresh(EndpointContext ctx) {
        Session session = require(ctx);
        if (!isFresh(session)) {
            throw SessionErrorCodes.SESSION_NOT_FRESH.toException(Status.FORBIDDEN);
        }
        return session;
    }

    /** Whether the session was created less than {@code freshAge} ago; always true when {@code freshAge} is zero. */
    public boolean isFresh(Session session) {
        if (settings.freshAge().isZero()) {
            return true;
        }
        Instant createdAt = session.createdAt();
        return createdAt != null && Duration.between(createdAt, repository.now()).compareTo(settings.freshAge()) < 0;
    }

    /**
     * {@link #require}, but read from the database even when the cookie cache holds a copy: a session
     * revoked elsewhere must not authorise password changes, deletions or revocations for the rest of
     * its cache lifetime.
     */
    public Session requireSensitive(EndpointContext ctx) {
        return resolve(ctx, SessionLookup.Options.AUTHORITATIVE).orElseThrow(SessionService::unauthorized);
    }

    /**
     * Reads the session with explicit options, as {@code GET/POST /get-session} does. Errors of the read
     * itself (the session vanished while being extended) are thrown.
     */
    public SessionLookup lookup(EndpointContext ctx, SessionLookup.Options options) {
        SessionLookup lookup = reader.lookup(ctx, options);
        remember(ctx, lookup.session());
        return lookup;
    }

    /**
     * Sets the cookies of {@code session}: after the user or session changed (update-user,
     * change-password) so the cookie cache holds the new values.
     *
     * @param dontRemember true for a "don't remember" session: browser-session cookies and the marker
     */
    public void setCookies(EndpointContext ctx, Session session, boolean dontRemember) {
        writer.write(ctx, session, dontRemember);
        ctx.attribute(CREATED, session);
        remember(ctx, Optional.of(session));
    }

    /** {@link #setCookies(EndpointContext, Session, boolean)}, keeping the request's "don't remember" choice. */
    public void setCookies(EndpointContext ctx, Session session) {
        setCookies(ctx, session, writer.requestSaysDontRemember(ctx));
    }

    /**
     * Makes {@code session} the session of this call without a cookie or a stored row: for a credential
     * that stands in for a session, as the api-key plugin's {@code enableSessionForAPIKeys} does (better-auth
     * sets {@code ctx.context.session}). Every later read of the call ({@link #current}, {@link #require},
     * {@link #requireSensitive}) returns it, until a hook replaces the request.
     */
    public void assume(EndpointContext ctx, Session session) {
        Objects.requireNonNull(session, "session");
        ctx.attribute(ASSUMED, new Remembered(ctx.request(), Optional.of(session)));
        remember(ctx, Optional.of(session));
    }

    /** The session created (or re-issued) during this call, for after-hooks such as two-factor's. */
    public Optional<Session> newSession(EndpointContext ctx) {
        return ctx.attribute(CREATED);
    }

    /**
     * Takes back the session this call created, as better-auth's two-factor hook does when a sign-in still
     * needs a second factor: the session is deleted, its {@code session_token} and {@code session_data}
     * cookies are expired in place of the ones queued, and the call no longer has a new session. The
     * {@code dont_remember} marker is kept, so the sign-in that completes the challenge honours it.
     */
    public Optional<Session> withdrawNewSession(EndpointContext ctx) {
        Optional<Session> created = newSession(ctx);
        created.ifPresent(session -> revoke(session.token()));
        writer.clearKeepingDontRemember(ctx);
        ctx.attribute(CREATED, null);
        remember(ctx, Optional.empty());
        return created;
    }

    /**
     * Expires the session cookies ({@code session_token}, {@code session_data} and its chunks,
     * {@code dont_remember}), as better-auth's {@code deleteSessionCookie}; the call then has no session.
     */
    public void clearCookies(EndpointContext ctx) {
        writer.clear(ctx);
        remember(ctx, Optional.empty());
    }

    /** The stored session with this token and its user, expired or not; empty when either is gone. */
    public Optional<Session> findByToken(String token) {
        return repository.findByToken(Objects.requireNonNull(token, "token"));
    }

    /** The user's sessions that have not expired, oldest first. */
    public List<Row> listActive(String userId) {
        return repository.listActive(userId);
    }

    /**
     * Deletes the session with this token; the next request that carries it, to any node, has no session
     * (a cookie-cached copy aside, until {@code cookieCache.maxAge}).
     */
    public void revoke(String token) {
        repository.deleteByToken(token);
    }

    /** Deletes every session of the user. */
    public void revokeAll(String userId) {
        repository.deleteAllOf(userId);
    }

    /**
     * Deletes every session of the user as part of the transaction on {@code tx} (a password reset, a
     * deletion): rows in the {@code session} table go with the transaction; entries in secondary storage
     * go at once, so a transaction that then fails leaves the user signed out rather than signed in.
     */
    public void revokeAll(String userId, Store tx) {
        repository.in(tx).deleteAllOf(userId);
    }

    /** Deletes every session of the user but the one with {@code keepToken}. */
    public void revokeOthers(String userId, String keepToken) {
        repository.deleteAllOfExcept(userId, keepToken);
    }

    /**
     * Called after a user row changed, with the stored row. With secondary storage, the copy of the user
     * kept with each of their sessions is rewritten, as better-auth does, so every node serves the new
     * values; with sessions in the database there is no copy. The cookie cache of other devices keeps the
     * old values until it expires ({@code cookieCache.maxAge}).
     */
    public void refreshUser(Row user) {
        repository.refreshUser(Objects.requireNonNull(user, "user"));
    }

    /** The hooks {@link dev.postern.user.UserService} calls when a user is deleted, signed out everywhere or changed. */
    public UserSessions userSessions() {
        return new UserSessions() {
            @Override
            public void revokeAll(String userId, Store tx) {
                SessionService.this.revokeAll(userId, tx);
            }

            @Override
            public void userChanged(Row user) {
                refreshUser(user);
            }
        };
    }

    /** Updates fields of the session with this token and stamps {@code updatedAt}; empty when it is gone. */
    public Optional<Row> update(String token, Map<String, Object> values) {
        Map<String, Object> withStamp = new LinkedHashMap<>(values);
        withStamp.put("updatedAt", repository.now());
        return repository.update(token, withStamp);
    }

    private Optional<Session> resolve(EndpointContext ctx, SessionLookup.Options options) {
        Optional<Remembered> assumed = ctx.attribute(ASSUMED);
        if (assumed.isPresent() && assumed.get().request() == ctx.request()) {
            return assumed.get().session();
        }
        Optional<Session> session;
        try {
            session = lookup(ctx, options).session();
        } catch (ApiException e) {
            // As better-auth's guards: a failed read is "no session", answered 401 by the guard.
            session = Optional.empty();
        }
        remember(ctx, session);
        return session;
    }

    private static void remember(EndpointContext ctx, Optional<Session> session) {
        ctx.attribute(CURRENT, new Remembered(ctx.request(), session));
    }

    /**
     * The session a call resolved and the request it was resolved for: a before-hook that replaces the
     * request ({@link EndpointContext#request(AuthRequest)}, the bearer plugin) makes the next read look
     * again, whichever hook read the session first.
     */
    private record Remembered(AuthRequest request, Optional<Session> session) {
    }

    private static ApiException unauthorized() {
        return SessionErrorCodes.UNAUTHORIZED.toException(Status.UNAUTHORIZED);
    }
}
