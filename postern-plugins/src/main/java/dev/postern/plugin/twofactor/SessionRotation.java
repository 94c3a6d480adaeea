package dev.postern.plugin.twofactor;

import dev.postern.Postern;
import dev.postern.endpoint.EndpointContext;
import dev.postern.session.ClientIp;
import dev.postern.session.Session;
import dev.postern.store.Row;

/**
 * Replaces the caller's session with a new one for the updated user, as better-auth does whenever 2FA is
 * turned on or off: a new token and cookies (the cookie cache then holds the new {@code twoFactorEnabled}),
 * and the old session deleted.
 */
final class SessionRotation {
    private SessionRotation() {
    }

    static Session rotate(EndpointContext ctx, Session old, Row updatedUser) {
        Postern postern = ctx.postern();
        Session fresh = postern.sessions().createWithoutCookies(updatedUser, ClientIp.of(ctx.request(), postern.config()),
                ctx.request().header("User-Agent").orElse(""), true);
        postern.sessions().setCookies(ctx, fresh);
        postern.sessions().revoke(old.token());
        return fresh;
    }
}
