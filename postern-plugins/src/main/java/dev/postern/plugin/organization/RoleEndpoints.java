package dev.postern.plugin.organization;

import static dev.postern.http.Status.BAD_REQUEST;
import static dev.postern.http.Status.FORBIDDEN;
import static dev.postern.plugin.organization.OrganizationErrorCodes.NO_ACTIVE_ORGANIZATION;
import static dev.postern.plugin.organization.OrganizationErrorCodes.ROLE_NAME_IS_ALREADY_TAKEN;
import static dev.postern.plugin.organization.OrganizationErrorCodes.ROLE_NOT_FOUND;
import static dev.postern.plugin.organization.OrganizationSchema.MEMBER;
import static dev.postern.plugin.organization.OrganizationSchema.ORGANIZATION_ROLE;

import dev.postern.endpoint.Endpoint;
import dev.postern.endpoint.EndpointContext;
import dev.postern.error.ErrorCode;
import dev.postern.json.Json;
import dev.postern.plugin.access.ActionRequest;
import dev.postern.plugin.access.Permissions;
import dev.postern.schema.Output;
import dev.postern.session.Session;
import dev.postern.store.Operator;
import dev.postern.store.Query;
import dev.postern.store.Row;
import dev.postern.store.Where;
import dev.postern.validation.Schemas;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Dynamic access control ({@code dynamicAccessControl.enabled}): roles stored per organization in
 * {@code organizationRole} — create-role, update-role, delete-role, list-roles and get-role. A member may
 * only grant permissions it holds itself, only resources of {@link OrganizationOptions#ac()}, and every
 * lookup is confined to one organization the caller belongs to.
 */
final class RoleEndpoints {
    private final OrganizationPlugin plugin;
    private final OrganizationOptions options;

    RoleEndpoints(OrganizationPlugin plugin) {
        this.plugin = plugin;
        this.options = plugin.options();
    }

    List<Endpoint> endpoints() {
        return List.of(
                Endpoint.post("/organization/create-role").name("createOrgRole").response(OrganizationResponses.ROLE_CHANGE)
                        .body(Schemas.object().optional("organizationId", Schemas.string()).required("role", Schemas.string())
                                .required("permission", Schemas.record()).optional("additionalFields", Schemas.record()))
                        .summary("Create a role in an organization").tags("Organization").handler(this::create).build(),
                Endpoint.post("/organization/delete-role").name("deleteOrgRole").response(OrganizationResponses.SUCCESS)
                        .body(Schemas.object().optional("organizationId", Schemas.string())
                                .optional("roleName", Schemas.string().nonEmpty()).optional("roleId", Schemas.string().nonEmpty()))
                        .summary("Delete a role of an organization").tags("Organization").handler(this::delete).build(),
                Endpoint.get("/organization/list-roles").name("listOrgRoles").response(dev.postern.endpoint.ResponseSchemas.arrayOf(OrganizationResponses.ROLE))
                        .query(Schemas.object().optional("organizationId", Schemas.string()))
                        .summary("List the roles of an organization").tags("Organization").handler(this::list).build(),
                Endpoint.get("/organization/get-role").name("getOrgRole").response(OrganizationResponses.ROLE)
                        .query(Schemas.object().optional("organizationId", Schemas.string())
                                .optional("roleName", Schemas.string().nonEmpty()).optional("roleId", Schemas.string().nonEmpty()))
                        .summary("Get a role of an organization").tags("Organization").handler(this::get).build(),
                Endpoint.post("/organization/update-role").name("updateOrgRole").response(OrganizationResponses.ROLE_CHANGE)
                        .body(Schemas.object().optional("organizationId", Schemas.string())
                                .optional("roleName", Schemas.string().nonEmpty()).optional("roleId", Schemas.string().nonEmpty())
                                .required("data", Schemas.object().optional("permission", Schemas.record())
                                        .optional("roleName", Schemas.string())))
                        .summary("Update a role of an organization").tags("Organization").handler(this::update).build());
    }

    /** The caller's member row in the organization, checked for {@code ac:<action>}. */
    private Row member(OrganizationData data, Session session, String organizationId, String action, ErrorCode denied) {
        Row member = data.member(session.userId(), organizationId)
                .orElseThrow(() -> OrganizationErrorCodes.YOU_ARE_NOT_A_MEMBER_OF_THIS_ORGANIZATION.toException(FORBIDDEN));
        if (!plugin.permissions().allows(data, member.string("role"), organizationId, Map.of("ac", ActionRequest.all(action)))) {
            throw denied.toException(FORBIDDEN);
        }
        return member;
    }

    /** {@code resource → actions} from a request, refusing resources the statements do not declare. */
    private Map<String, List<String>> permission(JsonNode node) {
        Map<String, List<String>> permission = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            if (!entry.getValue().isArray()) {
                throw dev.postern.error.ApiException.validation("[body.permission." + entry.getKey() + "] Invalid input");
            }
            List<String> actions = new java.util.ArrayList<>();
            entry.getValue().forEach(a -> actions.add(a.asString()));
            permission.put(entry.getKey(), actions);
        }
        if (!options.ac().statements().keySet().containsAll(permission.keySet())) {
            throw OrganizationErrorCodes.INVALID_RESOURCE.toException(BAD_REQUEST);
        }
        return permission;
    }

    /** A member may only hand out what it may do itself. */
    private void holdsEveryPermission(OrganizationData data, Row member, String organizationId,
                                      Map<String, List<String>> permission, ErrorCode denied) {
        for (Map.Entry<String, List<String>> entry : permission.entrySet()) {
            for (String action : entry.getValue()) {
                if (!plugin.permissions().allows(data, member.string("role"), organizationId,
                        Map.of(entry.getKey(), ActionRequest.all(action)))) {
                    throw denied.toException(FORBIDDEN);
                }
            }
        }
    }

    private void nameIsFree(OrganizationData data, String organizationId, String role) {
        if (options.roles().containsKey(role)
                || data.store().findOne(ORGANIZATION_ROLE, Where.eq("organizationId", organizationId).andEq("role", role)).isPresent()) {
            throw ROLE_NAME_IS_ALREADY_TAKEN.toException(BAD_REQUEST);
        }
    }

    private Map<String, Object> output(OrganizationData data, Row role) {
        Map<String, Object> out = Output.of(data.schema(), ORGANIZATION_ROLE, role);
        out.put("permission", OrganizationPermissions.permissionOf(role));
        return out;
    }

    /** The stored role a request names by {@code roleName} or {@code roleId}, in this organization only. */
    private Optional<Row> named(OrganizationData data, String organizationId, Optional<String> roleName, Optional<String> roleId) {
        Where where = Where.eq("organizationId", organizationId);
        if (roleName.isPresent()) {
            where = where.andEq("role", roleName.get());
        } else if (roleId.isPresent()) {
            where = where.andEq("id", roleId.get());
        } else {
            throw ROLE_NOT_FOUND.toException(BAD_REQUEST);
        }
        return data.store().findOne(ORGANIZATION_ROLE, where);
    }

    private Object create(EndpointContext ctx) {
        Session session = ctx.postern().sessions().require(ctx);
        String organizationId = ctx.bodyString("organizationId").or(() -> OrganizationPlugin.activeOrganizationId(session))
                .orElseThrow(() -> OrganizationErrorCodes.YOU_MUST_BE_IN_AN_ORGANIZATION_TO_CREATE_A_ROLE.toException(BAD_REQUEST));
        String role = ctx.bodyString("role").orElseThrow().toLowerCase(Locale.ROOT);
        if (options.roles().containsKey(role)) {
            throw ROLE_NAME_IS_ALREADY_TAKEN.toException(BAD_REQUEST);
        }
        OrganizationData data = plugin.data(ctx);
        Row member = member(data, session, organizationId, "create", OrganizationErrorCodes.YOU_ARE_NOT_ALLOWED_TO_CREATE_A_ROLE);
        Integer maximum = options.dynamicAccessControl().maximumRolesPerOrganization();
        if (maximum != null && data.count(ORGANIZATION_ROLE, Where.eq("organizationId", organizationId)) >= maximum) {
            throw OrganizationErrorCodes.TOO_MANY_ROLES.toException(BAD_REQUEST);
        }
        Map<String, List<String>> permission = permission(ctx.body().get("permission"));
        holdsEveryPermission(data, member, organizationId, permission, OrganizationErrorCodes.YOU_ARE_NOT_ALLOWED_TO_CREATE_A_ROLE);
        Row created = data.transaction(tx -> {
            nameIsFree(tx, organizationId, role);
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("createdAt", OrganizationData.now());
            values.put("organizationId", organizationId);
            values.put("permission", Json.write(permission));
            values.put("role", role);
            return tx.store().create(ORGANIZATION_ROLE, values);
        });
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("success", true);
        out.put("roleData", output(data, created));
        out.put("statements", permission);
        return out;
    }

    private Object delete(EndpointContext ctx) {
        Session session = ctx.postern().sessions().require(ctx);
        String organizationId = ctx.bodyString("organizationId").or(() -> OrganizationPlugin.activeOrganizationId(session))
                .orElseThrow(() -> NO_ACTIVE_ORGANIZATION.toException(BAD_REQUEST));
        OrganizationData data = plugin.data(ctx);
        member(data, session, organizationId, "delete", OrganizationErrorCodes.YOU_ARE_NOT_ALLOWED_TO_DELETE_A_ROLE);
        Optional<String> roleName = ctx.bodyString("roleName");
        if (roleName.isPresent() && options.roles().containsKey(roleName.get())) {
            throw OrganizationErrorCodes.CANNOT_DELETE_A_PRE_DEFINED_ROLE.toException(BAD_REQUEST);
        }
        Row role = named(data, organizationId, roleName, ctx.bodyString("roleId"))
                .orElseThrow(() -> ROLE_NOT_FOUND.toException(BAD_REQUEST));
        String name = role.string("role");
        data.transaction(tx -> {
            boolean assigned = tx.store().findMany(MEMBER, Query.where(Where.eq("organizationId", organizationId)
                    .and("role", Operator.CONTAINS, name))).stream()
                    .anyMatch(m -> Permissions.roleNames(m.string("role")).contains(name));
            if (assigned) {
                throw OrganizationErrorCodes.ROLE_IS_ASSIGNED_TO_MEMBERS.toException(BAD_REQUEST);
            }
            tx.store().delete(ORGANIZATION_ROLE, Where.eq("id", role.id()).andEq("organizationId", organizationId));
            return null;
        });
        return Map.of("success", true);
    }

    private Object list(EndpointContext ctx) {
        Session session = ctx.postern().sessions().require(ctx);
        String organizationId = ctx.queryString("organizationId").or(() -> OrganizationPlugin.activeOrganizationId(session))
                .orElseThrow(() -> NO_ACTIVE_ORGANIZATION.toException(BAD_REQUEST));
        OrganizationData data = plugin.data(ctx);
        member(data, session, organizationId, "read", OrganizationErrorCodes.YOU_ARE_NOT_ALLOWED_TO_LIST_A_ROLE);
        return data.store().findMany(ORGANIZATION_ROLE, Query.where(Where.eq("organizationId", organizationId)))
                .stream().map(r -> output(data, r)).toList();
    }

    private Object get(EndpointContext ctx) {
        Session session = ctx.postern().sessions().require(ctx);
        String organizationId = ctx.queryString("organizationId").or(() -> OrganizationPlugin.activeOrganizationId(session))
                .orElseThrow(() -> NO_ACTIVE_ORGANIZATION.toException(BAD_REQUEST));
        OrganizationData data = plugin.data(ctx);
        member(data, session, organizationId, "read", OrganizationErrorCodes.YOU_ARE_NOT_ALLOWED_TO_READ_A_ROLE);
        return output(data, named(data, organizationId, ctx.queryString("roleName"), ctx.queryString("roleId"))
                .orElseThrow(() -> ROLE_NOT_FOUND.toException(BAD_REQUEST)));
    }

    private Object update(EndpointContext ctx) {
        Session session = ctx.postern().sessions().require(ctx);
        String organizationId = ctx.bodyString("organizationId").or(() -> OrganizationPlugin.activeOrganizationId(session))
                .orElseThrow(() -> NO_ACTIVE_ORGANIZATION.toException(BAD_REQUEST));
        OrganizationData data = plugin.data(ctx);
        Row member = member(data, session, organizationId, "update", OrganizationErrorCodes.YOU_ARE_NOT_ALLOWED_TO_UPDATE_A_ROLE);
        Row role = named(data, organizationId, ctx.bodyString("roleName"), ctx.bodyString("roleId"))
                .orElseThrow(() -> ROLE_NOT_FOUND.toException(BAD_REQUEST));
        JsonNode changes = ctx.body().get("data");
        Map<String, Object> update = new LinkedHashMap<>();
        Map<String, List<String>> permission = null;
        if (changes.has("permission") && !changes.get("permission").isNull()) {
            permission = permission(changes.get("permission"));
            holdsEveryPermission(data, member, organizationId, permission, OrganizationErrorCodes.YOU_ARE_NOT_ALLOWED_TO_UPDATE_A_ROLE);
            update.put("permission", Json.write(permission));
        }
        String newName = changes.has("roleName") && !changes.get("roleName").asString().isEmpty()
                ? changes.get("roleName").asString().toLowerCase(Locale.ROOT) : null;
        Row updated = data.transaction(tx -> {
            if (newName != null) {
                nameIsFree(tx, organizationId, newName);
                update.put("role", newName);
            }
            update.put("updatedAt", OrganizationData.now());
            return tx.store().update(ORGANIZATION_ROLE, Where.eq("id", role.id()).andEq("organizationId", organizationId), update)
                    .orElseThrow(() -> ROLE_NOT_FOUND.toException(BAD_REQUEST));
        });
        return Map.of("success", true, "roleData", output(data, updated));
    }
}
