package dev.postern.plugin.admin;

import dev.postern.endpoint.Endpoint;
import dev.postern.endpoint.ResponseSchemas;
import dev.postern.schema.CoreSchema;
import dev.postern.schema.Output;
import dev.postern.validation.Schemas;
import java.util.Map;

/**
 * Another user's sessions: {@code list-user-sessions}, {@code revoke-user-session} (one, by token) and
 * {@code revoke-user-sessions} (all). Sessions are read and revoked through the session service, so they
 * go from Redis as well when sessions live there.
 */
final class SessionAdministration {
    private static final Map<String, Object> SUCCESS = ResponseSchemas.object(Map.of("success", ResponseSchemas.bool()), "success");

    private final AdminPermissions permissions;

    SessionAdministration(AdminPermissions permissions) {
        this.permissions = permissions;
    }

    Endpoint listUserSessions() {
        return Endpoint.post("/admin/list-user-sessions")
                .name("listUserSessions")
                .body(Schemas.object().required("userId", Schemas.string()))
                .summary("List user sessions")
                .tags("Admin")
                .response(ResponseSchemas.object(Map.of("sessions", ResponseSchemas.arrayOf(ResponseSchemas.SESSION)), "sessions"))
                .errors("UNAUTHORIZED", "YOU_ARE_NOT_ALLOWED_TO_LIST_USERS_SESSIONS")
                .handler(ctx -> {
                    permissions.require(ctx, "session", "list", AdminErrorCodes.YOU_ARE_NOT_ALLOWED_TO_LIST_USERS_SESSIONS);
                    String userId = ctx.bodyString("userId").orElseThrow();
                    return Map.of("sessions", ctx.postern().sessions().listActive(userId).stream()
                            .map(row -> Output.of(ctx.postern().schema(), CoreSchema.SESSION, row))
                            .toList());
                })
                .build();
    }

    Endpoint revokeUserSession() {
        return Endpoint.post("/admin/revoke-user-session")
                .name("revokeUserSession")
                .body(Schemas.object().required("sessionToken", Schemas.string()))
                .summary("Revoke a user session")
                .tags("Admin")
                .response(SUCCESS)
                .errors("UNAUTHORIZED", "YOU_ARE_NOT_ALLOWED_TO_REVOKE_USERS_SESSIONS")
                .handler(ctx -> {
                    permissions.require(ctx, "session", "revoke", AdminErrorCodes.YOU_ARE_NOT_ALLOWED_TO_REVOKE_USERS_SESSIONS);
                    ctx.postern().sessions().revoke(ctx.bodyString("sessionToken").orElseThrow());
                    return Map.of("success", true);
                })
                .build();
    }

    Endpoint revokeUserSessions() {
        return Endpoint.post("/admin/revoke-user-sessions")
                .name("revokeUserSessions")
                .body(Schemas.object().required("userId", Schemas.string()))
                .summary("Revoke all user sessions")
                .tags("Admin")
                .response(SUCCESS)
                .errors("UNAUTHORIZED", "YOU_ARE_NOT_ALLOWED_TO_REVOKE_USERS_SESSIONS")
                .handler(ctx -> {
                    permissions.require(ctx, "session", "revoke", AdminErrorCodes.YOU_ARE_NOT_ALLOWED_TO_REVOKE_USERS_SESSIONS);
                    ctx.postern().sessions().revokeAll(ctx.bodyString("userId").orElseThrow());
                    return Map.of("success", true);
                })
                .build();
    }
}
