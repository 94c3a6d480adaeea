package dev.postern.plugin.session;

import dev.postern.endpoint.Endpoint;
import dev.postern.error.ErrorCode;
import dev.postern.plugin.Plugin;
import dev.postern.session.SessionErrorCodes;
import java.util.List;

/**
 * better-auth's session endpoints: {@code GET /get-session} (and {@code POST} under deferred refresh),
 * {@code GET /list-sessions}, {@code POST /revoke-session}, {@code /revoke-sessions},
 * {@code /revoke-other-sessions}, {@code /update-session} and {@code /sign-out}. The sessions themselves
 * live in the core ({@code postern.sessions()}); this plugin is their HTTP face, so an embedding
 * application that wants its own session API can leave it out.
 */
public final class SessionPlugin implements Plugin {
    public static final String ID = "session";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Endpoint> endpoints() {
        return List.of(
                GetSessionEndpoint.endpoint(),
                SessionListEndpoints.listSessions(),
                SessionListEndpoints.revokeSession(),
                SessionListEndpoints.revokeSessions(),
                SessionListEndpoints.revokeOtherSessions(),
                UpdateSessionEndpoint.endpoint(),
                SignOutEndpoint.endpoint());
    }

    @Override
    public List<ErrorCode> errorCodes() {
        return SessionErrorCodes.all();
    }
}
