package dev.postern.plugin.session;

import dev.postern.endpoint.Endpoint;
import dev.postern.endpoint.ResponseSchemas;
import dev.postern.endpoint.EndpointContext;
import dev.postern.error.ApiException;
import dev.postern.http.Status;
import dev.postern.schema.CoreSchema;
import dev.postern.session.Session;
import dev.postern.session.SessionErrorCodes;
import dev.postern.session.SessionService;
import dev.postern.store.Row;
import dev.postern.validation.Schemas;
import java.util.Map;

/**
 * {@code POST /update-session}: sets additional fields of the caller's session (an active organisation,
 * a chosen locale, ...) and re-issues its cookies so the cookie cache carries the new values.
 */
final class UpdateSessionEndpoint {
    private UpdateSessionEndpoint() {
    }

    static Endpoint endpoint() {
        return Endpoint.post("/update-session")
                .name("updateSession")
                .body(Schemas.object().passthrough())
                .summary("Update the current session")
                .tags("Session")
                .response(ResponseSchemas.object(Map.of("session", ResponseSchemas.SESSION), "session"))
                .errors(SessionErrorCodes.UNAUTHORIZED.code(), SessionErrorCodes.FAILED_TO_GET_SESSION.code(),
                        "FIELD_NOT_ALLOWED", "VALIDATION_ERROR")
                .handler(UpdateSessionEndpoint::handle)
                .build();
    }

    private static Object handle(EndpointContext ctx) {
        SessionService sessions = ctx.postern().sessions();
        Session session = sessions.require(ctx);
        Map<String, Object> values = SessionInput.parse(ctx.postern().schema().require(CoreSchema.SESSION), ctx.body());
        if (values.isEmpty()) {
            throw ApiException.message(Status.BAD_REQUEST, "No fields to update");
        }
        Row updated = sessions.update(session.token(), values).orElseThrow(() -> {
            sessions.clearCookies(ctx);
            return SessionErrorCodes.FAILED_TO_GET_SESSION.toException(Status.UNAUTHORIZED);
        });
        sessions.setCookies(ctx, session.withSession(updated));
        return Map.of("session", SessionResponses.session(ctx.postern(), updated));
    }
}
