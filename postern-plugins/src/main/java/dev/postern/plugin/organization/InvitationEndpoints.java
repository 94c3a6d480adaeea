package dev.postern.plugin.organization;

import static dev.postern.http.Status.BAD_REQUEST;
import static dev.postern.http.Status.FORBIDDEN;
import static dev.postern.http.Status.UNAUTHORIZED;
import static dev.postern.plugin.organization.OrganizationErrorCodes.INVITATION_NOT_FOUND;
import static dev.postern.plugin.organization.OrganizationErrorCodes.MEMBER_NOT_FOUND;
import static dev.postern.plugin.organization.OrganizationErrorCodes.ORGANIZATION_NOT_FOUND;
import static dev.postern.plugin.organization.OrganizationErrorCodes.YOU_ARE_NOT_THE_RECIPIENT_OF_THE_INVITATION;
import static dev.postern.plugin.organization.OrganizationSchema.INVITATION;

import dev.postern.endpoint.Endpoint;
import dev.postern.endpoint.EndpointContext;
import dev.postern.error.ApiException;
import dev.postern.plugin.access.ActionRequest;
import dev.postern.plugin.access.Permissions;
import dev.postern.schema.Output;
import dev.postern.session.Session;
import dev.postern.store.Query;
import dev.postern.store.Row;
import dev.postern.store.Where;
import dev.postern.user.UserErrorCodes;
import dev.postern.validation.EmailAddresses;
import dev.postern.validation.Schemas;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The invitation endpoints of better-auth's organization plugin: invite-member (with resend and
 * re-invite), accept, reject, cancel, get-invitation, list-invitations and list-user-invitations.
 * Invitations are mailed by {@link InvitationMail}.
 */
final class InvitationEndpoints {
    private final OrganizationPlugin plugin;
    private final OrganizationOptions options;

    InvitationEndpoints(OrganizationPlugin plugin) {
        this.plugin = plugin;
        this.options = plugin.options();
    }

    List<Endpoint> endpoints() {
        return List.of(
                Endpoint.post("/organization/invite-member").name("createInvitation").response(OrganizationResponses.INVITATION)
                        .body(Schemas.object().required("email", Schemas.string()).required("role", Schemas.any())
                                .optional("organizationId", Schemas.string()).optional("resend", Schemas.bool())
                                .optional("teamId", Schemas.any()))
                        .summary("Invite a user to an organization").tags("Organization").handler(this::invite).build(),
                Endpoint.post("/organization/accept-invitation").name("acceptInvitation").response(OrganizationResponses.INVITATION_AND_MEMBER)
                        .body(Schemas.object().required("invitationId", Schemas.string()))
                        .summary("Accept an invitation").tags("Organization").handler(this::accept).build(),
                Endpoint.post("/organization/reject-invitation").name("rejectInvitation").response(OrganizationResponses.INVITATION_AND_MEMBER)
                        .body(Schemas.object().required("invitationId", Schemas.string()))
                        .summary("Reject an invitation").tags("Organization").handler(this::reject).build(),
                Endpoint.post("/organization/cancel-invitation").name("cancelInvitation").response(OrganizationResponses.INVITATION)
                        .body(Schemas.object().required("invitationId", Schemas.string()))
                        .summary("Cancel an invitation").tags("Organization").handler(this::cancel).build(),
                Endpoint.get("/organization/get-invitation").name("getInvitation").response(OrganizationResponses.INVITATION)
                        .query(Schemas.object().required("id", Schemas.string()))
                        .summary("Get an invitation addressed to the user").tags("Organization").handler(this::get).build(),
                Endpoint.get("/organization/list-invitations").name("listInvitations").response(dev.postern.endpoint.ResponseSchemas.arrayOf(OrganizationResponses.INVITATION))
                        .query(Schemas.object().optional("organizationId", Schemas.string()))
                        .summary("List the invitations of an organization").tags("Organization")
                        .handler(this::list).build(),
                Endpoint.get("/organization/list-user-invitations").name("listUserInvitations").response(dev.postern.endpoint.ResponseSchemas.arrayOf(OrganizationResponses.INVITATION))
                        .query(Schemas.object().optional("email", Schemas.string()))
                        .summary("List the pending invitations of the user").tags("Organization")
                        .handler(this::listForUser).build());
    }

    private Map<String, Object> output(OrganizationData data, Row invitation) {
        return Output.of(data.schema(), INVITATION, invitation);
    }

    private static List<String> teamIds(JsonNode node) {
        List<String> ids = new ArrayList<>();
        if (node == null || node.isNull()) {
            return ids;
        }
        if (node.isString()) {
            ids.add(node.asString());
        } else if (node.isArray()) {
            node.forEach(n -> ids.add(n.asString()));
        } else {
            throw ApiException.validation("[body.teamId] Invalid input");
        }
        return ids;
    }

    private Object invite(EndpointContext ctx) {
        Session session = ctx.postern().sessions().require(ctx);
        String organizationId = ctx.bodyString("organizationId").or(() -> OrganizationPlugin.activeOrganizationId(session))
                .orElseThrow(() -> ORGANIZATION_NOT_FOUND.toException(BAD_REQUEST));
        String email = ctx.bodyString("email").orElseThrow().toLowerCase(Locale.ROOT);
        if (!EmailAddresses.isValid(email)) {
            throw UserErrorCodes.INVALID_EMAIL.toException(BAD_REQUEST);
        }
        OrganizationData data = plugin.data(ctx);
        Row inviter = data.member(session.userId(), organizationId)
                .orElseThrow(() -> MEMBER_NOT_FOUND.toException(BAD_REQUEST));
        if (!plugin.permissions().allows(data, inviter.string("role"), organizationId,
                Map.of("invitation", ActionRequest.all("create")))) {
            throw OrganizationErrorCodes.YOU_ARE_NOT_ALLOWED_TO_INVITE_USERS_TO_THIS_ORGANIZATION.toException(FORBIDDEN);
        }
        List<String> roles = MemberEndpoints.roleList(ctx.body().get("role"));
        if (roles == null) {
            throw ApiException.validation("[body.role] Invalid input");
        }
        if (roles.isEmpty()) {
            throw OrganizationErrorCodes.ROLE_NOT_FOUND.toException(BAD_REQUEST);
        }
        List<String> unknown = plugin.permissions().unknownRoles(data, organizationId, roles);
        if (!unknown.isEmpty()) {
            throw OrganizationPermissions.roleNotFound(unknown);
        }
        String creatorRole = options.creatorRole();
        boolean inviterIsCreator = Permissions.roleNames(inviter.string("role")).contains(creatorRole);
        if (!inviterIsCreator && roles.contains(creatorRole)) {
            throw OrganizationErrorCodes.YOU_ARE_NOT_ALLOWED_TO_INVITE_USER_WITH_THIS_ROLE.toException(FORBIDDEN);
        }
        if (data.memberByEmail(email, organizationId).isPresent()) {
            throw OrganizationErrorCodes.USER_IS_ALREADY_A_MEMBER_OF_THIS_ORGANIZATION.toException(BAD_REQUEST);
        }
        List<Row> pending = pending(data, Where.eq("email", email).andEq("organizationId", organizationId));
        boolean resend = ctx.bodyBoolean("resend", false);
        if (!pending.isEmpty() && !resend && !options.cancelPendingInvitationsOnReInvite()) {
            throw OrganizationErrorCodes.USER_IS_ALREADY_INVITED_TO_THIS_ORGANIZATION.toException(BAD_REQUEST);
        }
        Row organization = data.organizationById(organizationId)
                .orElseThrow(() -> ORGANIZATION_NOT_FOUND.toException(BAD_REQUEST));
        Map<String, Object> orgOut = data.organizationOutput(organization);
        if (!pending.isEmpty() && resend) {
            Row existing = pending.get(0);
            if (!inviterIsCreator && Permissions.roleNames(existing.string("role")).contains(creatorRole)) {
                throw OrganizationErrorCodes.YOU_ARE_NOT_ALLOWED_TO_INVITE_USER_WITH_THIS_ROLE.toException(FORBIDDEN);
            }
            Row renewed = data.store().update(INVITATION, Where.eq("id", existing.id()),
                    Map.of("expiresAt", expiry())).orElse(existing);
            InvitationMail.send(ctx, options, renewed, orgOut, session.user());
            return output(data, renewed);
        }
        List<String> teamIds = options.teams().enabled() ? teamIds(ctx.body().get("teamId")) : List.of();
        Row created = data.transaction(tx -> {
            if (!pending.isEmpty()) {
                tx.store().update(INVITATION, Where.eq("id", pending.get(0).id()).andEq("status", "pending"),
                        Map.of("status", "canceled"));
            }
            if (pending(tx, Where.eq("organizationId", organizationId)).size() >= options.invitationLimit()) {
                throw OrganizationErrorCodes.INVITATION_LIMIT_REACHED.toException(FORBIDDEN);
            }
            for (String teamId : teamIds) {
                if (teamId.contains(",")) {
                    throw OrganizationErrorCodes.INVALID_TEAM_ID.toException(BAD_REQUEST);
                }
                TeamData.team(tx, teamId, organizationId)
                        .orElseThrow(() -> OrganizationErrorCodes.TEAM_NOT_FOUND.toException(BAD_REQUEST));
                Integer maximum = options.teams().maximumMembersPerTeam();
                if (maximum != null && tx.count(OrganizationSchema.TEAM_MEMBER, Where.eq("teamId", teamId)) >= maximum) {
                    throw OrganizationErrorCodes.TEAM_MEMBER_LIMIT_REACHED.toException(FORBIDDEN);
                }
            }
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("role", String.join(",", roles));
            values.put("email", email);
            values.put("organizationId", organizationId);
            options.hooks().beforeCreateInvitation(java.util.Collections.unmodifiableMap(values), session.user(), orgOut)
                    .ifPresent(values::putAll);
            values.put("status", "pending");
            values.put("expiresAt", expiry());
            values.put("createdAt", OrganizationData.now());
            values.put("inviterId", session.userId());
            if (options.teams().enabled()) {
                values.put("teamId", teamIds.isEmpty() ? null : String.join(",", teamIds));
            }
            return tx.store().create(INVITATION, values);
        });
        InvitationMail.send(ctx, options, created, orgOut, session.user());
        options.hooks().afterCreateInvitation(created, session.user(), orgOut);
        return output(data, created);
    }

    private Instant expiry() {
        return OrganizationData.now().plus(options.invitationExpiresIn());
    }

    /** Pending, unexpired invitations matching {@code where}. */
    private static List<Row> pending(OrganizationData data, Where where) {
        Instant now = Instant.now();
        return data.store().findMany(INVITATION, Query.where(where.andEq("status", "pending"))).stream()
                .filter(i -> i.instant("expiresAt").isAfter(now)).toList();
    }

    /** The invitation, checked to be addressed to the caller (and verified, when required). */
    private Row addressedToCaller(Row invitation, Session session,
                                  dev.postern.error.ErrorCode unverified) {
        String email = session.user().string("email");
        if (email == null || !invitation.string("email").equalsIgnoreCase(email)) {
            throw YOU_ARE_NOT_THE_RECIPIENT_OF_THE_INVITATION.toException(FORBIDDEN);
        }
        if (options.requireEmailVerificationOnInvitation() && !Boolean.TRUE.equals(session.user().bool("emailVerified"))) {
            throw unverified.toException(FORBIDDEN);
        }
        return invitation;
    }

    private Object accept(EndpointContext ctx) {
        Session session = ctx.postern().sessions().require(ctx);
        OrganizationData data = plugin.data(ctx);
        String invitationId = ctx.bodyString("invitationId").orElseThrow();
        Row invitation = data.store().findOne(INVITATION, Where.eq("id", invitationId))
                .filter(i -> "pending".equals(i.string("status")) && i.instant("expiresAt").isAfter(Instant.now()))
                .orElseThrow(() -> INVITATION_NOT_FOUND.toException(BAD_REQUEST));
        addressedToCaller(invitation, session,
                OrganizationErrorCodes.EMAIL_VERIFICATION_REQUIRED_BEFORE_ACCEPTING_OR_REJECTING_INVITATION);
        String organizationId = invitation.string("organizationId");
        Row organization = data.organizationById(organizationId)
                .orElseThrow(() -> ORGANIZATION_NOT_FOUND.toException(BAD_REQUEST));
        Map<String, Object> orgOut = data.organizationOutput(organization);
        record Accepted(Row invitation, Row member, String onlyTeam) {
        }
        Accepted accepted = data.transaction(tx -> {
            if (tx.countMembers(organizationId) >= options.membershipLimit()) {
                throw OrganizationErrorCodes.ORGANIZATION_MEMBERSHIP_LIMIT_REACHED.toException(FORBIDDEN);
            }
            options.hooks().beforeAcceptInvitation(invitation, session.user(), orgOut);
            // Only a still-pending invitation changes: two accepts racing cannot both succeed.
            Row updated = tx.store().update(INVITATION, Where.eq("id", invitationId).andEq("status", "pending"),
                    Map.of("status", "accepted")).orElseThrow(() -> INVITATION_NOT_FOUND.toException(BAD_REQUEST));
            String onlyTeam = null;
            String teams = options.teams().enabled() ? updated.string("teamId") : null;
            if (teams != null && !teams.isEmpty()) {
                List<String> ids = List.of(teams.split(","));
                for (String teamId : ids) {
                    TeamData.team(tx, teamId, organizationId)
                            .orElseThrow(() -> OrganizationErrorCodes.TEAM_NOT_FOUND.toException(BAD_REQUEST));
                    TeamData.addTeamMember(tx, options, teamId, session.userId());
                }
                onlyTeam = ids.size() == 1 ? ids.get(0) : null;
            }
            Map<String, Object> member = new LinkedHashMap<>();
            member.put("organizationId", organizationId);
            member.put("userId", session.userId());
            member.put("role", String.join(",", Permissions.roleNames(updated.string("role"))));
            return new Accepted(updated, tx.createMember(member), onlyTeam);
        });
        Session updated = session;
        if (accepted.onlyTeam() != null) {
            updated = OrganizationPlugin.setActiveTeam(ctx, updated, accepted.onlyTeam());
            ctx.postern().sessions().setCookies(ctx, updated);
        }
        OrganizationPlugin.setActiveOrganization(ctx, updated, organizationId);
        options.hooks().afterAcceptInvitation(accepted.invitation(), accepted.member(), session.user(), orgOut);
        return Map.of("invitation", output(data, accepted.invitation()), "member", data.memberOutput(accepted.member()));
    }

    private Object reject(EndpointContext ctx) {
        Session session = ctx.postern().sessions().require(ctx);
        OrganizationData data = plugin.data(ctx);
        String invitationId = ctx.bodyString("invitationId").orElseThrow();
        Row invitation = data.store().findOne(INVITATION, Where.eq("id", invitationId))
                .filter(i -> "pending".equals(i.string("status")))
                .orElseThrow(() -> new ApiException(BAD_REQUEST, "INVITATION_NOT_FOUND", "Invitation not found!"));
        addressedToCaller(invitation, session,
                OrganizationErrorCodes.EMAIL_VERIFICATION_REQUIRED_BEFORE_ACCEPTING_OR_REJECTING_INVITATION);
        Row organization = data.organizationById(invitation.string("organizationId"))
                .orElseThrow(() -> ORGANIZATION_NOT_FOUND.toException(BAD_REQUEST));
        Map<String, Object> orgOut = data.organizationOutput(organization);
        Row rejected = data.transaction(tx -> {
            options.hooks().beforeRejectInvitation(invitation, session.user(), orgOut);
            return tx.store().update(INVITATION, Where.eq("id", invitationId), Map.of("status", "rejected")).orElse(null);
        });
        options.hooks().afterRejectInvitation(rejected == null ? invitation : rejected, session.user(), orgOut);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("invitation", rejected == null ? null : output(data, rejected));
        out.put("member", null);
        return out;
    }

    private Object cancel(EndpointContext ctx) {
        Session session = ctx.postern().sessions().require(ctx);
        OrganizationData data = plugin.data(ctx);
        String invitationId = ctx.bodyString("invitationId").orElseThrow();
        Row invitation = data.store().findOne(INVITATION, Where.eq("id", invitationId))
                .orElseThrow(() -> INVITATION_NOT_FOUND.toException(BAD_REQUEST));
        String organizationId = invitation.string("organizationId");
        // Membership is checked in the invitation's own organization: an outsider is "not a member".
        Row member = data.member(session.userId(), organizationId)
                .orElseThrow(() -> MEMBER_NOT_FOUND.toException(BAD_REQUEST));
        if (!plugin.permissions().allows(data, member.string("role"), organizationId,
                Map.of("invitation", ActionRequest.all("cancel")))) {
            throw OrganizationErrorCodes.YOU_ARE_NOT_ALLOWED_TO_CANCEL_THIS_INVITATION.toException(FORBIDDEN);
        }
        Row organization = data.organizationById(organizationId)
                .orElseThrow(() -> ORGANIZATION_NOT_FOUND.toException(BAD_REQUEST));
        Map<String, Object> orgOut = data.organizationOutput(organization);
        Row canceled = data.transaction(tx -> {
            options.hooks().beforeCancelInvitation(invitation, session.user(), orgOut);
            return tx.store().update(INVITATION, Where.eq("id", invitationId), Map.of("status", "canceled")).orElse(null);
        });
        options.hooks().afterCancelInvitation(canceled == null ? invitation : canceled, session.user(), orgOut);
        return canceled == null ? null : output(data, canceled);
    }

    private Object get(EndpointContext ctx) {
        Session session = ctx.postern().sessions().current(ctx)
                .orElseThrow(() -> ApiException.message(UNAUTHORIZED, "Not authenticated"));
        OrganizationData data = plugin.data(ctx);
        Row invitation = data.store().findOne(INVITATION, Where.eq("id", ctx.queryString("id").orElse("")))
                .filter(i -> "pending".equals(i.string("status")) && i.instant("expiresAt").isAfter(Instant.now()))
                .orElseThrow(() -> INVITATION_NOT_FOUND.toException(BAD_REQUEST));
        addressedToCaller(invitation, session, OrganizationErrorCodes.EMAIL_VERIFICATION_REQUIRED_FOR_INVITATION);
        Row organization = data.organizationById(invitation.string("organizationId"))
                .orElseThrow(() -> ORGANIZATION_NOT_FOUND.toException(BAD_REQUEST));
        data.member(invitation.string("inviterId"), organization.id())
                .orElseThrow(() -> OrganizationErrorCodes.INVITER_IS_NO_LONGER_A_MEMBER_OF_THE_ORGANIZATION.toException(BAD_REQUEST));
        Row inviter = data.user(invitation.string("inviterId"))
                .orElseThrow(() -> OrganizationErrorCodes.INVITER_IS_NO_LONGER_A_MEMBER_OF_THE_ORGANIZATION.toException(BAD_REQUEST));
        Map<String, Object> out = output(data, invitation);
        out.put("organizationName", organization.get("name"));
        out.put("organizationSlug", organization.get("slug"));
        out.put("inviterEmail", inviter.get("email"));
        return out;
    }

    private Object list(EndpointContext ctx) {
        Session session = ctx.postern().sessions().current(ctx)
                .orElseThrow(() -> ApiException.message(UNAUTHORIZED, "Not authenticated"));
        String organizationId = ctx.queryString("organizationId").or(() -> OrganizationPlugin.activeOrganizationId(session))
                .orElseThrow(() -> ApiException.message(BAD_REQUEST, "Organization ID is required"));
        OrganizationData data = plugin.data(ctx);
        Row member = data.member(session.userId(), organizationId)
                .orElseThrow(() -> ApiException.message(FORBIDDEN, "You are not a member of this organization"));
        if (!InvitationViews.canView(plugin, data, member, organizationId)) {
            throw OrganizationErrorCodes.YOU_ARE_NOT_ALLOWED_TO_LIST_INVITATIONS.toException(FORBIDDEN);
        }
        List<Row> all = data.store().findMany(INVITATION, Query.where(Where.eq("organizationId", organizationId)));
        return InvitationViews.withoutCreatorRoleInvitations(plugin, member, all).stream().map(i -> output(data, i)).toList();
    }

    private Object listForUser(EndpointContext ctx) {
        Optional<Session> session = ctx.postern().sessions().current(ctx);
        if (ctx.isHttp() && ctx.queryString("email").isPresent()) {
            throw ApiException.message(BAD_REQUEST, "User email cannot be passed for client side API calls.");
        }
        if (session.isPresent() && !Boolean.TRUE.equals(session.get().user().bool("emailVerified"))) {
            throw OrganizationErrorCodes.EMAIL_VERIFICATION_REQUIRED_FOR_INVITATION.toException(FORBIDDEN);
        }
        String email = session.map(s -> s.user().string("email")).or(() -> ctx.queryString("email"))
                .orElseThrow(() -> ApiException.message(BAD_REQUEST, "Missing session headers, or email query parameter."));
        OrganizationData data = plugin.data(ctx);
        List<Row> invitations = data.store().findMany(INVITATION, Query.where(
                Where.eq("email", email.toLowerCase(Locale.ROOT)).andEq("status", "pending")));
        List<Map<String, Object>> out = new ArrayList<>();
        for (Row invitation : invitations) {
            Map<String, Object> item = output(data, invitation);
            item.put("organizationName", data.organizationById(invitation.string("organizationId"))
                    .map(o -> o.get("name")).orElse(null));
            out.add(item);
        }
        return out;
    }
}
