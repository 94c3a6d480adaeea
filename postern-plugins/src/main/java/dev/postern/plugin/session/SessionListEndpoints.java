package dev.postern.plugin.session;

import dev.postern.endpoint.Endpoint;
import dev.postern.endpoint.ResponseSchemas;
import dev.postern.endpoint.EndpointContext;
import dev.postern.session.Session;
import dev.postern.session.SessionErrorCodes;
import dev.postern.session.SessionService;
import dev.postern.validation.Schemas;

/**
 * The user's view of their sessions: list them (fresh session required, since the list carries every
 * session's token) and revoke one, all, or all but the current one (authoritative session required, so a
 * cookie-cached copy of a revoked session cannot revoke others).
 */
final class SessionListEndpoints {
    private SessionListEndpoints() {
    }

    static Endpoint listSessions() {
        return Endpoint.get("/list-sessions")
                .name("listSessions")
                .summary("List all active sessions for the user")
                .tags("Session")
                .response(ResponseSchemas.arrayOf(ResponseSchemas.SESSION))
                .errors(SessionErrorCodes.UNAUTHORIZED.code(), SessionErrorCodes.SESSION_NOT_FRESH.code())
                .handler(ctx -> {
                    Session session = ctx.postern().sessions().requireFresh(ctx);
                    return ctx.postern().sessions().listActive(session.userId()).stream()
                            .map(row -> SessionResponses.session(ctx.postern(), row))
                            .toList();
                })
                .build();
    }

    /**
     * Answers {@code {status:true}} whatever the token, so it reveals nothing about other users'
     * sessions; only a session of the caller's own user is deleted.
     */
    static Endpoint revokeSession() {
        return Endpoint.post("/revoke-session")
                .name("revokeSession")
                .body(Schemas.object().required("token", Schemas.string().describe("The token to revoke")))
                .summary("Revoke a single session")
                .tags("Session")
                .response(ResponseSchemas.STATUS)
                .errors(SessionErrorCodes.UNAUTHORIZED.code())
                .handler(SessionListEndpoints::revokeOne)
                .build();
    }

    static Endpoint revokeSessions() {
        return Endpoint.post("/revoke-sessions")
                .name("revokeSessions")
                .summary("Revoke all sessions for the user")
                .tags("Session")
                .response(ResponseSchemas.STATUS)
                .errors(SessionErrorCodes.UNAUTHORIZED.code())
                .handler(ctx -> {
                    SessionService sessions = ctx.postern().sessions();
                    Session session = sessions.requireSensitive(ctx);
                    sessions.revokeAll(session.userId());
                    sessions.clearCookies(ctx);
                    return SessionResponses.status();
                })
                .build();
    }

    static Endpoint revokeOtherSessions() {
        return Endpoint.post("/revoke-other-sessions")
                .name("revokeOtherSessions")
                .summary("Revoke all other sessions for the user except the current one")
                .tags("Session")
                .response(ResponseSchemas.STATUS)
                .errors(SessionErrorCodes.UNAUTHORIZED.code())
                .handler(ctx -> {
                    SessionService sessions = ctx.postern().sessions();
                    Session session = sessions.requireSensitive(ctx);
                    sessions.revokeOthers(session.userId(), session.token());
                    return SessionResponses.status();
                })
                .build();
    }

    private static Object revokeOne(EndpointContext ctx) {
        SessionService sessions = ctx.postern().sessions();
        Session current = sessions.requireSensitive(ctx);
        String token = ctx.bodyString("token").orElseThrow();
        boolean ownSession = sessions.findByToken(token)
                .map(found -> found.userId().equals(current.userId()))
                .orElse(false);
        if (ownSession) {
            sessions.revoke(token);
        }
        if (token.equals(current.token())) {
            sessions.clearCookies(ctx);
        }
        return SessionResponses.status();
    }
}
