package dev.postern.plugin.bearer;

import dev.postern.crypto.UriComponent;
import dev.postern.endpoint.EndpointContext;
import dev.postern.endpoint.EndpointHandler;
import dev.postern.endpoint.ExposedHeaders;
import dev.postern.http.Cookie;
import dev.postern.session.AuthCookies;
import java.util.Optional;

/**
 * The after-hook that hands a bearer client its token: whenever a response sets a live session cookie
 * (sign-up, sign-in, a session extended on read, update-user refreshing it), it adds
 * {@code set-auth-token: <token>.<signature>}, the cookie's value URI-decoded, and names that header in
 * {@code Access-Control-Expose-Headers} so a browser app on another origin may read it. It looks at the
 * cookies rather than at the session created, as better-auth looks at {@code Set-Cookie}, so an extended
 * session's new cookie reaches the client too.
 */
final class AuthTokenHeader implements EndpointHandler {
    static final String HEADER = "set-auth-token";

    @Override
    public Object handle(EndpointContext ctx) {
        String name = ctx.postern().sessions().cookies().name(AuthCookies.SESSION_TOKEN);
        liveSessionCookie(ctx, name).ifPresent(cookie -> {
            ctx.setHeader(HEADER, UriComponent.decodeOrKeep(cookie.value()));
            ExposedHeaders.expose(ctx, HEADER);
        });
        return null;
    }

    private static Optional<Cookie> liveSessionCookie(EndpointContext ctx, String name) {
        Cookie last = null;
        for (Cookie cookie : ctx.cookies()) {
            if (cookie.name().equals(name)) {
                last = cookie;
            }
        }
        boolean live = last != null && !last.value().isEmpty() && (last.maxAge() == null || !last.maxAge().isZero());
        return live ? Optional.of(last) : Optional.empty();
    }
}
