package dev.postern.plugin.organization;

import static dev.postern.http.Status.BAD_REQUEST;
import static dev.postern.http.Status.FORBIDDEN;
import static dev.postern.http.Status.UNAUTHORIZED;
import static dev.postern.plugin.organization.OrganizationErrorCodes.MEMBER_NOT_FOUND;
import static dev.postern.plugin.organization.OrganizationErrorCodes.NO_ACTIVE_ORGANIZATION;
import static dev.postern.plugin.organization.OrganizationErrorCodes.ORGANIZATION_NOT_FOUND;
import static dev.postern.plugin.organization.OrganizationErrorCodes.YOU_ARE_NOT_ALLOWED_TO_UPDATE_THIS_MEMBER;
import static dev.postern.plugin.organization.OrganizationErrorCodes.YOU_ARE_NOT_A_MEMBER_OF_THIS_ORGANIZATION;
import static dev.postern.plugin.organization.OrganizationErrorCodes.YOU_CANNOT_LEAVE_THE_ORGANIZATION_AS_THE_ONLY_OWNER;

import dev.postern.endpoint.Endpoint;
import dev.postern.endpoint.EndpointContext;
import dev.postern.error.ApiException;
import dev.postern.plugin.access.ActionRequest;
import dev.postern.plugin.access.Permissions;
import dev.postern.session.Session;
import dev.postern.store.Row;
import dev.postern.user.UserErrorCodes;
import dev.postern.validation.Schemas;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The member endpoints of better-auth's organization plugin: the server-only add-member, remove-member,
 * update-member-role, get-active-member, get-active-member-role, leave and list-members.
 */
final class MemberEndpoints {
    private final OrganizationPlugin plugin;
    private final OrganizationOptions options;

    MemberEndpoints(OrganizationPlugin plugin) {
        this.plugin = plugin;
        this.options = plugin.options();
    }

    List<Endpoint> endpoints() {
        return List.of(
                Endpoint.serverOnly("addMember")
                        .body(Schemas.object().required("userId", Schemas.string()).required("role", Schemas.any())
                                .optional("organizationId", Schemas.string()).optional("teamId", Schemas.string()))
                        .summary("Add a member to an organization (server only)").tags("Organization")
                        .handler(this::addMember).build(),
                Endpoint.post("/organization/remove-member").name("removeMember").response(OrganizationResponses.REMOVED_MEMBER)
                        .body(Schemas.object().required("memberIdOrEmail", Schemas.string())
                                .optional("organizationId", Schemas.string()))
                        .summary("Remove a member").tags("Organization").handler(this::remove).build(),
                Endpoint.post("/organization/update-member-role").name("updateMemberRole").response(OrganizationResponses.MEMBER)
                        .body(Schemas.object().required("role", Schemas.any()).required("memberId", Schemas.string())
                                .optional("organizationId", Schemas.string()))
                        .summary("Change the role of a member").tags("Organization").handler(this::updateRole).build(),
                Endpoint.get("/organization/get-active-member").name("getActiveMember").response(OrganizationResponses.MEMBER)
                        .summary("The member record of the user in the active organization").tags("Organization")
                        .handler(this::activeMember).build(),
                Endpoint.get("/organization/get-active-member-role").name("getActiveMemberRole").response(OrganizationResponses.ACTIVE_ROLE)
                        .query(Schemas.object().optional("userId", Schemas.string())
                                .optional("organizationId", Schemas.string())
                                .optional("organizationSlug", Schemas.string()))
                        .summary("The role of a member").tags("Organization").handler(this::activeMemberRole).build(),
                Endpoint.post("/organization/leave").name("leaveOrganization").response(OrganizationResponses.MEMBER)
                        .body(Schemas.object().required("organizationId", Schemas.string()))
                        .summary("Leave an organization").tags("Organization").handler(this::leave).build(),
                Endpoint.get("/organization/list-members").name("listMembers").response(OrganizationResponses.MEMBER_LIST)
                        .query(MemberListing.QUERY)
                        .summary("List the members of an organization").tags("Organization")
                        .handler(ctx -> new MemberListing(plugin).list(ctx)).build());
    }

    /** Role names from a string ({@code "admin,member"}) or an array, trimmed; null when neither. */
    static List<String> roleList(JsonNode role) {
        if (role == null) {
            return null;
        }
        if (role.isString()) {
            return Permissions.roleNames(role.asString());
        }
        if (role.isArray()) {
            List<String> names = new java.util.ArrayList<>();
            for (JsonNode item : role) {
                if (!item.isString()) {
                    return null;
                }
                names.addAll(Permissions.roleNames(item.asString()));
            }
            return names;
        }
        return null;
    }

    private static List<String> requireRoles(EndpointContext ctx) {
        List<String> roles = roleList(ctx.body().get("role"));
        if (roles == null) {
            throw ApiException.validation("[body.role] Invalid input");
        }
        return roles;
    }

    private Object addMember(EndpointContext ctx) {
        List<String> roles = requireRoles(ctx);
        String organizationId = ctx.bodyString("organizationId").or(() -> ctx.postern().sessions().current(ctx)
                        .flatMap(OrganizationPlugin::activeOrganizationId))
                .orElseThrow(() -> NO_ACTIVE_ORGANIZATION.toException(BAD_REQUEST));
        Optional<String> teamId = ctx.bodyString("teamId");
        if (teamId.isPresent() && !options.teams().enabled()) {
            throw ApiException.message(BAD_REQUEST, "Teams are not enabled");
        }
        OrganizationData data = plugin.data(ctx);
        Row user = data.user(ctx.bodyString("userId").orElseThrow())
                .orElseThrow(() -> UserErrorCodes.USER_NOT_FOUND.toException(BAD_REQUEST));
        if (data.member(user.id(), organizationId).isPresent()) {
            throw OrganizationErrorCodes.USER_IS_ALREADY_A_MEMBER_OF_THIS_ORGANIZATION.toException(BAD_REQUEST);
        }
        if (teamId.isPresent() && TeamData.team(data, teamId.get(), organizationId).isEmpty()) {
            throw OrganizationErrorCodes.TEAM_NOT_FOUND.toException(BAD_REQUEST);
        }
        Row organization = data.organizationById(organizationId)
                .orElseThrow(() -> ORGANIZATION_NOT_FOUND.toException(BAD_REQUEST));
        return data.memberOutput(data.transaction(tx -> addInside(tx, organization, user, String.join(",", roles),
                teamId.orElse(null))));
    }

    /**
     * Adds a member (and its team membership) inside the caller's transaction, so a hook that refuses or a
     * full team rolls the member row back too.
     */
    Row addInside(OrganizationData tx, Row organization, Row user, String role, String teamId) {
        if (tx.countMembers(organization.id()) >= options.membershipLimit()) {
            throw OrganizationErrorCodes.ORGANIZATION_MEMBERSHIP_LIMIT_REACHED.toException(FORBIDDEN);
        }
        Map<String, Object> orgOut = tx.organizationOutput(organization);
        Map<String, Object> member = new LinkedHashMap<>();
        member.put("organizationId", organization.id());
        member.put("userId", user.id());
        member.put("role", role);
        options.hooks().beforeAddMember(java.util.Collections.unmodifiableMap(member), user, orgOut).ifPresent(member::putAll);
        Row created = tx.createMember(member);
        if (teamId != null) {
            TeamData.addTeamMember(tx, options, teamId, user.id());
        }
        options.hooks().afterAddMember(created, user, orgOut);
        return created;
    }

    private Object remove(EndpointContext ctx) {
        Session session = ctx.postern().sessions().require(ctx);
        String organizationId = ctx.bodyString("organizationId").or(() -> OrganizationPlugin.activeOrganizationId(session))
                .orElseThrow(() -> NO_ACTIVE_ORGANIZATION.toException(BAD_REQUEST));
        OrganizationData data = plugin.data(ctx);
        Row caller = data.member(session.userId(), organizationId)
                .orElseThrow(() -> MEMBER_NOT_FOUND.toException(BAD_REQUEST));
        String target = ctx.bodyString("memberIdOrEmail").orElseThrow();
        // Looked up inside the caller's organization only: a member of another one is "not found".
        Row removed = (target.contains("@") ? data.memberByEmail(target, organizationId)
                : data.memberInOrganization(target, organizationId))
                .orElseThrow(() -> MEMBER_NOT_FOUND.toException(BAD_REQUEST));
        String creatorRole = options.creatorRole();
        if (Permissions.roleNames(removed.string("role")).contains(creatorRole)) {
            if (!Permissions.roleNames(caller.string("role")).contains(creatorRole)
                    || data.countHolders(organizationId, creatorRole) <= 1) {
                throw YOU_CANNOT_LEAVE_THE_ORGANIZATION_AS_THE_ONLY_OWNER.toException(BAD_REQUEST);
            }
        }
        if (!plugin.permissions().allows(data, caller.string("role"), organizationId,
                Map.of("member", ActionRequest.all("delete")))) {
            throw OrganizationErrorCodes.YOU_ARE_NOT_ALLOWED_TO_DELETE_THIS_MEMBER.toException(UNAUTHORIZED);
        }
        Row organization = data.organizationById(organizationId)
                .orElseThrow(() -> ORGANIZATION_NOT_FOUND.toException(BAD_REQUEST));
        Row user = data.user(removed.string("userId"))
                .orElseThrow(() -> ApiException.message(BAD_REQUEST, "User not found"));
        Map<String, Object> orgOut = data.organizationOutput(organization);
        data.transaction(tx -> {
            options.hooks().beforeRemoveMember(removed, user, orgOut);
            tx.deleteMember(removed);
            return null;
        });
        if (session.userId().equals(removed.string("userId"))
                && organizationId.equals(OrganizationPlugin.activeOrganizationId(session).orElse(null))) {
            OrganizationPlugin.setActiveOrganization(ctx, session, null);
        }
        options.hooks().afterRemoveMember(removed, user, orgOut);
        return Map.of("member", data.memberOutput(removed));
    }

    private Object updateRole(EndpointContext ctx) {
        Session session = ctx.postern().sessions().require(ctx);
        List<String> roles = requireRoles(ctx);
        if (roles.isEmpty()) {
            throw ApiException.bare(BAD_REQUEST);
        }
        String organizationId = ctx.bodyString("organizationId").or(() -> OrganizationPlugin.activeOrganizationId(session))
                .orElseThrow(() -> NO_ACTIVE_ORGANIZATION.toException(BAD_REQUEST));
        OrganizationData data = plugin.data(ctx);
        Row caller = data.member(session.userId(), organizationId)
                .orElseThrow(() -> MEMBER_NOT_FOUND.toException(BAD_REQUEST));
        String memberId = ctx.bodyString("memberId").orElseThrow();
        Row target = caller.id().equals(memberId) ? caller : data.memberById(memberId)
                .orElseThrow(() -> MEMBER_NOT_FOUND.toException(BAD_REQUEST));
        if (!organizationId.equals(target.string("organizationId"))) {
            // better-auth's answer for a member of another organization; nothing of it is read or changed.
            throw YOU_ARE_NOT_ALLOWED_TO_UPDATE_THIS_MEMBER.toException(FORBIDDEN);
        }
        String creatorRole = options.creatorRole();
        boolean callerIsCreator = Permissions.roleNames(caller.string("role")).contains(creatorRole);
        boolean targetIsCreator = Permissions.roleNames(target.string("role")).contains(creatorRole);
        boolean settingCreator = roles.contains(creatorRole);
        if ((targetIsCreator || settingCreator) && !callerIsCreator) {
            throw YOU_ARE_NOT_ALLOWED_TO_UPDATE_THIS_MEMBER.toException(FORBIDDEN);
        }
        if (callerIsCreator && caller.id().equals(target.id()) && !settingCreator
                && data.countHolders(organizationId, creatorRole) <= 1) {
            throw OrganizationErrorCodes.YOU_CANNOT_LEAVE_THE_ORGANIZATION_WITHOUT_AN_OWNER.toException(BAD_REQUEST);
        }
        if (!plugin.permissions().allows(data, caller.string("role"), organizationId,
                Map.of("member", ActionRequest.all("update")), true)) {
            throw YOU_ARE_NOT_ALLOWED_TO_UPDATE_THIS_MEMBER.toException(FORBIDDEN);
        }
        List<String> unknown = plugin.permissions().unknownRoles(data, organizationId, roles);
        if (!unknown.isEmpty()) {
            throw OrganizationPermissions.roleNotFound(unknown);
        }
        Row organization = data.organizationById(organizationId)
                .orElseThrow(() -> ORGANIZATION_NOT_FOUND.toException(BAD_REQUEST));
        Row user = data.user(target.string("userId"))
                .orElseThrow(() -> ApiException.message(BAD_REQUEST, "User not found"));
        Map<String, Object> orgOut = data.organizationOutput(organization);
        String newRole = String.join(",", roles);
        Row updated = data.transaction(tx -> {
            String role = options.hooks().beforeUpdateMemberRole(target, newRole, user, orgOut)
                    .map(d -> d.get("role")).map(String::valueOf).orElse(newRole);
            Row row = tx.updateMemberRole(target.id(), role).orElseThrow(() -> MEMBER_NOT_FOUND.toException(BAD_REQUEST));
            options.hooks().afterUpdateMemberRole(row, target.string("role"), user, orgOut);
            return row;
        });
        return data.memberOutput(updated);
    }

    private Object activeMember(EndpointContext ctx) {
        Session session = ctx.postern().sessions().require(ctx);
        String organizationId = OrganizationPlugin.activeOrganizationId(session)
                .orElseThrow(() -> NO_ACTIVE_ORGANIZATION.toException(BAD_REQUEST));
        OrganizationData data = plugin.data(ctx);
        Row member = data.member(session.userId(), organizationId)
                .orElseThrow(() -> MEMBER_NOT_FOUND.toException(BAD_REQUEST));
        return data.memberWithUser(member, session.user());
    }

    private Object activeMemberRole(EndpointContext ctx) {
        Session session = ctx.postern().sessions().require(ctx);
        OrganizationData data = plugin.data(ctx);
        String organizationId = MemberListing.organizationOf(ctx, session, data);
        Row caller = data.member(session.userId(), organizationId)
                .orElseThrow(() -> YOU_ARE_NOT_A_MEMBER_OF_THIS_ORGANIZATION.toException(FORBIDDEN));
        Optional<String> userId = ctx.queryString("userId");
        if (userId.isEmpty()) {
            return Map.of("role", caller.string("role"));
        }
        Row member = data.member(userId.get(), organizationId)
                .orElseThrow(() -> YOU_ARE_NOT_A_MEMBER_OF_THIS_ORGANIZATION.toException(FORBIDDEN));
        return Map.of("role", member.string("role"));
    }

    private Object leave(EndpointContext ctx) {
        Session session = ctx.postern().sessions().require(ctx);
        String organizationId = ctx.bodyString("organizationId").orElseThrow();
        OrganizationData data = plugin.data(ctx);
        Row member = data.member(session.userId(), organizationId)
                .orElseThrow(() -> MEMBER_NOT_FOUND.toException(BAD_REQUEST));
        String creatorRole = options.creatorRole();
        if (Permissions.roleNames(member.string("role")).contains(creatorRole)
                && data.countHolders(organizationId, creatorRole) <= 1) {
            throw YOU_CANNOT_LEAVE_THE_ORGANIZATION_AS_THE_ONLY_OWNER.toException(BAD_REQUEST);
        }
        data.transaction(tx -> {
            tx.deleteMember(member);
            return null;
        });
        if (organizationId.equals(OrganizationPlugin.activeOrganizationId(session).orElse(null))) {
            OrganizationPlugin.setActiveOrganization(ctx, session, null);
        }
        return data.memberWithUser(member, session.user());
    }
}
