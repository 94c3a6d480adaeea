package dev.postern.plugin.lastloginmethod;

import dev.postern.crypto.UriComponent;
import dev.postern.endpoint.EndpointContext;
import dev.postern.endpoint.EndpointHandler;
import dev.postern.http.Cookie;
import dev.postern.session.AuthCookies;
import dev.postern.session.Session;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After any call that sets the session cookie and whose method is known, sets the last-used-method
 * cookie: readable by page scripts (not {@code HttpOnly}) so a sign-in page can highlight "last used",
 * otherwise with the session cookie's attributes. With {@code storeInDatabase}, the method of a call that
 * started a session is also written to {@code user.lastLoginMethod}.
 */
final class LastLoginMethodHook implements EndpointHandler {
    static final String FIELD = "lastLoginMethod";
    private static final Logger LOG = LoggerFactory.getLogger(LastLoginMethodHook.class);

    private final LastLoginMethodOptions options;
    private final LoginMethods methods;

    LastLoginMethodHook(LastLoginMethodOptions options) {
        this.options = options;
        this.methods = new LoginMethods(options);
    }

    @Override
    public Object handle(EndpointContext ctx) {
        Optional<String> method = methods.resolve(ctx);
        if (method.isEmpty()) {
            return null;
        }
        if (options.storeInDatabase()) {
            ctx.postern().sessions().newSession(ctx).ifPresent(session -> store(ctx, session, method.get()));
        }
        AuthCookies cookies = ctx.postern().sessions().cookies();
        String sessionCookie = cookies.name(AuthCookies.SESSION_TOKEN);
        if (ctx.cookies().stream().noneMatch(c -> c.name().startsWith(sessionCookie)) || !permitted(ctx, method.get())) {
            return null;
        }
        // The session cookie's attributes (Secure, SameSite, Domain) under the plugin's fixed name.
        Cookie like = cookies.create(AuthCookies.SESSION_TOKEN, method.get(), options.maxAge());
        ctx.setCookie(new Cookie(options.cookieName(), UriComponent.encode(method.get()), options.maxAge(), like.domain(),
                like.path(), false, like.secure(), like.sameSite(), like.partitioned()));
        return null;
    }

    private boolean permitted(EndpointContext ctx, String method) {
        if (options.beforeStoreCookie() == null) {
            return true;
        }
        try {
            return options.beforeStoreCookie().test(ctx, method);
        } catch (RuntimeException failed) {
            LOG.error("[LastLoginMethod] beforeStoreCookie failed; not setting the cookie", failed);
            return false;
        }
    }

    private static void store(EndpointContext ctx, Session session, String method) {
        try {
            ctx.postern().users().update(session.userId(), Map.of(FIELD, method));
        } catch (RuntimeException failed) {
            // The sign-in succeeded; a stale "last method" is not worth failing it for.
            LOG.error("Failed to update lastLoginMethod", failed);
        }
    }
}
