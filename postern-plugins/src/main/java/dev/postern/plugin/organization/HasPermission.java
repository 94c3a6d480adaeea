package dev.postern.plugin.organization;

import static dev.postern.http.Status.BAD_REQUEST;
import static dev.postern.http.Status.UNAUTHORIZED;

import dev.postern.endpoint.Endpoint;
import dev.postern.endpoint.EndpointContext;
import dev.postern.endpoint.ResponseSchemas;
import dev.postern.error.ApiException;
import dev.postern.plugin.access.ActionRequest;
import dev.postern.plugin.access.Permissions;
import dev.postern.session.Session;
import dev.postern.store.Row;
import dev.postern.validation.Schemas;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /organization/has-permission}: whether the caller's role in an organization (the active one
 * by default) allows {@code permissions} (or the deprecated {@code permission}, never both), answered as
 * {@code {error: null, success}}.
 */
final class HasPermission {
    private final OrganizationPlugin plugin;

    HasPermission(OrganizationPlugin plugin) {
        this.plugin = plugin;
    }

    Endpoint endpoint() {
        return Endpoint.post("/organization/has-permission").name("hasPermission")
                .body(Schemas.object().optional("organizationId", Schemas.string())
                        .optional("permission", Schemas.record()).optional("permissions", Schemas.record()))
                .summary("Check if the user has permission").tags("Organization")
                .response(ResponseSchemas.object(Map.of("error", Map.of("type", "string"), "success",
                        ResponseSchemas.bool()), "success"))
                .handler(this::handle).build();
    }

    private Object handle(EndpointContext ctx) {
        Session session = ctx.postern().sessions().require(ctx);
        JsonNode permissions = ctx.body().get("permissions");
        JsonNode permission = ctx.body().get("permission");
        if ((permissions == null) == (permission == null)) {
            throw ApiException.validation("[body] Invalid input");
        }
        Map<String, ActionRequest> request = Permissions.parse(
                dev.postern.json.Json.convert(permissions != null ? permissions : permission, Object.class))
                .orElseThrow(() -> ApiException.validation("[body.permissions] Invalid input"));
        String organizationId = ctx.bodyString("organizationId").or(() -> OrganizationPlugin.activeOrganizationId(session))
                .orElseThrow(() -> OrganizationErrorCodes.NO_ACTIVE_ORGANIZATION.toException(BAD_REQUEST));
        OrganizationData data = plugin.data(ctx);
        Row member = data.member(session.userId(), organizationId)
                .orElseThrow(() -> OrganizationErrorCodes.USER_IS_NOT_A_MEMBER_OF_THE_ORGANIZATION.toException(UNAUTHORIZED));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("error", null);
        out.put("success", plugin.permissions().allows(data, member.string("role"), organizationId, request));
        return out;
    }
}
