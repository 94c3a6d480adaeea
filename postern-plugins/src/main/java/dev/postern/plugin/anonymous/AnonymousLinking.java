package dev.postern.plugin.anonymous;

import dev.postern.endpoint.EndpointContext;
import dev.postern.endpoint.Hook;
import dev.postern.http.Cookie;
import dev.postern.session.AuthCookies;
import dev.postern.session.Session;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Upgrading an anonymous user: when someone with an anonymous session signs in or up for real on any
 * sign-in path (better-auth's list: {@code /sign-in/*}, {@code /sign-up/*}, {@code /callback/*}, magic
 * link, e-mail OTP, one-tap, passkey, phone number, e-mail verification), {@code onLinkAccount} runs with
 * both users and the anonymous user is deleted, unless {@code disableDeleteAnonymousUser} or the new
 * session is the same or another anonymous user.
 *
 * <p>A before-hook notes the anonymous session the request carries: by the time the after-hook runs, the
 * call's session is the new one. The after-hook acts only when the response sets a live session cookie
 * and a session was created, as better-auth's does.
 */
final class AnonymousLinking {
    private static final Logger LOG = LoggerFactory.getLogger(AnonymousLinking.class);
    private static final String ANONYMOUS = AnonymousLinking.class.getName() + ".anonymous";
    private static final List<String> SIGN_IN_PREFIXES = List.of("/sign-in", "/sign-up", "/callback",
            "/magic-link/verify", "/email-otp/verify-email", "/one-tap/callback", "/passkey/verify-authentication",
            "/phone-number/verify", "/verify-email");

    private final AnonymousOptions options;

    AnonymousLinking(AnonymousOptions options) {
        this.options = options;
    }

    static boolean isSignInPath(EndpointContext ctx) {
        String path = ctx.endpoint().path();
        return SIGN_IN_PREFIXES.stream().anyMatch(path::startsWith);
    }

    Hook before() {
        return new Hook(ctx -> isSignInPath(ctx) && hasSessionCookie(ctx), ctx -> {
            AnonymousUsers.anonymousSession(ctx).ifPresent(session -> ctx.attribute(ANONYMOUS, session));
            return null;
        });
    }

    Hook after() {
        return new Hook(AnonymousLinking::isSignInPath, this::link);
    }

    private Object link(EndpointContext ctx) {
        Optional<Session> anonymous = ctx.attribute(ANONYMOUS);
        Optional<Session> created = ctx.postern().sessions().newSession(ctx);
        if (anonymous.isEmpty() || created.isEmpty() || !setsLiveSessionCookie(ctx)) {
            return null;
        }
        Session newSession = created.get();
        if (newSession.token().equals(anonymous.get().token())) {
            return null;
        }
        if (options.onLinkAccount() != null) {
            options.onLinkAccount().accept(new AnonymousLink(anonymous.get(), newSession, ctx));
        }
        boolean sameUser = newSession.userId().equals(anonymous.get().userId());
        if (options.disableDeleteAnonymousUser() || sameUser || AnonymousUsers.isAnonymous(newSession)) {
            return null;
        }
        try {
            AnonymousUsers.delete(ctx.postern(), anonymous.get().userId());
        } catch (RuntimeException failed) {
            // The sign-in itself succeeded; a leftover anonymous user is only clutter.
            LOG.error("Failed to clean up anonymous user {} after linking", anonymous.get().userId(), failed);
        }
        return null;
    }

    private static boolean hasSessionCookie(EndpointContext ctx) {
        String name = ctx.postern().sessions().cookies().name(AuthCookies.SESSION_TOKEN);
        return ctx.request().cookie(name).isPresent();
    }

    private static boolean setsLiveSessionCookie(EndpointContext ctx) {
        String name = ctx.postern().sessions().cookies().name(AuthCookies.SESSION_TOKEN);
        Cookie last = null;
        for (Cookie cookie : ctx.cookies()) {
            if (cookie.name().equals(name)) {
                last = cookie;
            }
        }
        return last != null && !last.value().isEmpty() && (last.maxAge() == null || !last.maxAge().isZero());
    }
}
