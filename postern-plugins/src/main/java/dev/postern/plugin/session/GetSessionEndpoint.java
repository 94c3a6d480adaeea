package dev.postern.plugin.session;

import dev.postern.endpoint.Endpoint;
import dev.postern.endpoint.ResponseSchemas;
import dev.postern.endpoint.EndpointContext;
import dev.postern.http.Status;
import dev.postern.session.SessionErrorCodes;
import dev.postern.session.SessionLookup;
import dev.postern.session.SessionService;
import dev.postern.validation.ObjectSchema;
import dev.postern.validation.Schemas;
import java.util.Map;

/**
 * {@code GET /get-session}: the session of the request as {@code {session, user}}, or JSON {@code null}.
 * Never cached by browsers or proxies. {@code POST} is the client's explicit refresh when refreshes are
 * deferred, and 405 otherwise, as in better-auth.
 */
final class GetSessionEndpoint {
    private static final ObjectSchema QUERY = Schemas.object()
            .optional("disableCookieCache", Schemas.bool().coerced()
                    .describe("Read the database even when the cookie cache holds the session"))
            .optional("disableRefresh", Schemas.bool().coerced()
                    .describe("Do not extend the session on this read"));

    private GetSessionEndpoint() {
    }

    static Endpoint endpoint() {
        return Endpoint.route("/get-session", "GET", "POST")
                .name("getSession")
                .query(QUERY)
                .noStore()
                .summary("Get the current session")
                .tags("Session")
                .response(ResponseSchemas.nullable(ResponseSchemas.object(ResponseSchemas.ordered(
                        "session", ResponseSchemas.SESSION, "user", ResponseSchemas.USER), "session", "user")))
                .errors(SessionErrorCodes.METHOD_NOT_ALLOWED_DEFER_SESSION_REQUIRED.code(),
                        SessionErrorCodes.FAILED_TO_GET_SESSION.code())
                .handler(GetSessionEndpoint::handle)
                .build();
    }

    private static Object handle(EndpointContext ctx) {
        SessionService sessions = ctx.postern().sessions();
        // Java API calls read like a GET: only a client's POST asks for the deferred refresh.
        boolean post = ctx.isHttp() && ctx.request().method().equals("POST");
        if (post && !sessions.settings().deferRefresh()) {
            throw SessionErrorCodes.METHOD_NOT_ALLOWED_DEFER_SESSION_REQUIRED.toException(Status.METHOD_NOT_ALLOWED);
        }
        SessionLookup lookup = sessions.lookup(ctx, new SessionLookup.Options(
                flag(ctx, "disableCookieCache"), flag(ctx, "disableRefresh"), post));
        if (lookup.session().isEmpty()) {
            return null;
        }
        Map<String, Object> body = SessionResponses.sessionAndUser(ctx.postern(), lookup.session().get());
        lookup.needsRefresh().ifPresent(needsRefresh -> body.put("needsRefresh", needsRefresh));
        return body;
    }

    private static boolean flag(EndpointContext ctx, String name) {
        return ctx.query().path(name).asBoolean(false);
    }
}
