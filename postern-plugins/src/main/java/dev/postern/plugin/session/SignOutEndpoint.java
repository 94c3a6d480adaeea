package dev.postern.plugin.session;

import dev.postern.endpoint.Endpoint;
import dev.postern.endpoint.ResponseSchemas;
import dev.postern.endpoint.EndpointContext;
import dev.postern.session.AuthCookies;
import dev.postern.session.SessionService;
import dev.postern.validation.Schemas;
import java.util.Map;

/**
 * {@code POST /sign-out}: deletes the session the signed cookie names, if any, and expires the session
 * cookies. It succeeds without a session too, so a client can always sign out.
 */
final class SignOutEndpoint {
    private SignOutEndpoint() {
    }

    static Endpoint endpoint() {
        return Endpoint.post("/sign-out")
                .name("signOut")
                // Accepted for better-auth clients; they only matter once a provider offers an end-session URL.
                .body(Schemas.object()
                        .optional("callbackURL", Schemas.string())
                        .optional("disableRedirect", Schemas.bool())
                        .optional("state", Schemas.string()))
                .summary("Sign out the current user")
                .tags("Session")
                .response(ResponseSchemas.object(Map.of("success", ResponseSchemas.bool()), "success"))
                .handler(SignOutEndpoint::handle)
                .build();
    }

    private static Object handle(EndpointContext ctx) {
        SessionService sessions = ctx.postern().sessions();
        sessions.cookies().readSigned(ctx.request(), AuthCookies.SESSION_TOKEN).ifPresent(sessions::revoke);
        sessions.clearCookies(ctx);
        return Map.of("success", true);
    }
}
