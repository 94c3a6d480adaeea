package dev.postern.plugin.admin;

import dev.postern.Postern;
import dev.postern.endpoint.Endpoint;
import dev.postern.endpoint.EndpointContext;
import dev.postern.endpoint.ResponseSchemas;
import dev.postern.error.ApiException;
import dev.postern.http.Status;
import dev.postern.json.Json;
import dev.postern.plugin.access.ActionRequest;
import dev.postern.plugin.access.Permissions;
import dev.postern.session.Session;
import dev.postern.session.SessionErrorCodes;
import dev.postern.store.Row;
import dev.postern.validation.Schemas;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /admin/has-permission}: whether the caller (or, from server code without a session, the
 * given {@code userId} or {@code role}) holds {@code permissions}, answered {@code {error: null, success}}.
 * Like better-auth 1.7.25 it reads only {@code permissions}: a body with the older {@code permission} key
 * alone is 400.
 */
final class HasPermission {
    private final AdminPermissions permissions;

    HasPermission(AdminPermissions permissions) {
        this.permissions = permissions;
    }

    Endpoint endpoint() {
        return Endpoint.post("/admin/has-permission")
                .name("userHasPermission")
                .body(Schemas.object()
                        .optional("userId", Schemas.string())
                        .optional("role", Schemas.string())
                        .optional("permission", Schemas.record())
                        .optional("permissions", Schemas.record()))
                .summary("Check if the user has permission")
                .tags("Admin")
                .response(ResponseSchemas.object(ResponseSchemas.ordered(
                        "error", ResponseSchemas.string(), "success", ResponseSchemas.bool()), "success"))
                .errors("UNAUTHORIZED")
                .handler(this::handle)
                .build();
    }

    private Object handle(EndpointContext ctx) {
        Object raw = ctx.body().has("permissions") ? Json.convert(ctx.body().get("permissions"), Object.class) : null;
        if (raw == null) {
            throw ApiException.message(Status.BAD_REQUEST, "invalid permission check. no permission(s) were passed.");
        }
        Map<String, ActionRequest> request = Permissions.parse(raw)
                .orElseThrow(() -> ApiException.validation("[body.permissions] Invalid input"));
        Postern postern = ctx.postern();
        Optional<Session> session = postern.sessions().current(ctx);
        if (session.isEmpty() && ctx.isHttp()) {
            throw SessionErrorCodes.UNAUTHORIZED.toException(Status.UNAUTHORIZED);
        }
        Optional<String> userId = ctx.bodyString("userId");
        Optional<String> role = ctx.bodyString("role");
        if (session.isEmpty() && userId.isEmpty() && role.isEmpty()) {
            throw ApiException.message(Status.BAD_REQUEST, "user id or role is required");
        }
        String id;
        String roleColumn;
        if (session.isPresent()) {
            id = session.get().userId();
            roleColumn = session.get().user().string("role");
        } else if (role.isPresent()) {
            id = userId.orElse("");
            roleColumn = role.get();
        } else {
            Row user = postern.users().findById(userId.get())
                    .orElseThrow(() -> ApiException.message(Status.BAD_REQUEST, "user not found"));
            id = user.id();
            roleColumn = user.string("role");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", null);
        body.put("success", permissions.allows(id, roleColumn, request));
        return body;
    }
}
