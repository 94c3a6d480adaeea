package dev.postern.plugin.organization;

import static dev.postern.http.Status.BAD_REQUEST;
import static dev.postern.http.Status.FORBIDDEN;
import static dev.postern.http.Status.UNAUTHORIZED;
import static dev.postern.plugin.organization.OrganizationErrorCodes.NO_ACTIVE_ORGANIZATION;
import static dev.postern.plugin.organization.OrganizationErrorCodes.ORGANIZATION_NOT_FOUND;
import static dev.postern.plugin.organization.OrganizationErrorCodes.TEAM_NOT_FOUND;
import static dev.postern.plugin.organization.OrganizationErrorCodes.USER_IS_NOT_A_MEMBER_OF_THE_ORGANIZATION;
import static dev.postern.plugin.organization.OrganizationErrorCodes.USER_IS_NOT_A_MEMBER_OF_THE_TEAM;
import static dev.postern.plugin.organization.OrganizationSchema.INVITATION;
import static dev.postern.plugin.organization.OrganizationSchema.TEAM;
import static dev.postern.plugin.organization.OrganizationSchema.TEAM_MEMBER;

import dev.postern.endpoint.Endpoint;
import dev.postern.endpoint.EndpointContext;
import dev.postern.error.ApiException;
import dev.postern.error.ErrorCode;
import dev.postern.plugin.access.ActionRequest;
import dev.postern.schema.Output;
import dev.postern.session.Session;
import dev.postern.session.SessionErrorCodes;
import dev.postern.store.Query;
import dev.postern.store.Row;
import dev.postern.store.Where;
import dev.postern.validation.Schemas;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The team endpoints of better-auth's organization plugin (with {@code teams.enabled}): create-team,
 * update-team, remove-team, list-teams, set-active-team, list-user-teams, list-team-members,
 * add-team-member and remove-team-member. Teams are always looked up inside one organization the caller
 * belongs to.
 */
final class TeamEndpoints {
    private final OrganizationPlugin plugin;
    private final OrganizationOptions options;

    TeamEndpoints(OrganizationPlugin plugin) {
        this.plugin = plugin;
        this.options = plugin.options();
    }

    List<Endpoint> endpoints() {
        return List.of(
                Endpoint.post("/organization/create-team").name("createTeam").response(OrganizationResponses.TEAM)
                        .body(Schemas.object().required("name", Schemas.string()).optional("organizationId", Schemas.string()))
                        .summary("Create a team").tags("Organization").handler(this::create).build(),
                Endpoint.post("/organization/remove-team").name("removeTeam").response(OrganizationResponses.MESSAGE)
                        .body(Schemas.object().required("teamId", Schemas.string()).optional("organizationId", Schemas.string()))
                        .summary("Remove a team").tags("Organization").handler(this::remove).build(),
                Endpoint.post("/organization/update-team").name("updateTeam").response(OrganizationResponses.TEAM)
                        .body(Schemas.object().required("teamId", Schemas.string()).required("data", Schemas.object()
                                .optional("name", Schemas.string().min(1)).optional("organizationId", Schemas.string())))
                        .summary("Update a team").tags("Organization").handler(this::update).build(),
                Endpoint.get("/organization/list-teams").name("listOrganizationTeams").response(dev.postern.endpoint.ResponseSchemas.arrayOf(OrganizationResponses.TEAM))
                        .query(Schemas.object().optional("organizationId", Schemas.string()))
                        .summary("List the teams of an organization").tags("Organization").handler(this::list).build(),
                Endpoint.post("/organization/set-active-team").name("setActiveTeam").response(dev.postern.endpoint.ResponseSchemas.nullable(OrganizationResponses.TEAM))
                        .body(Schemas.object().optional("teamId", Schemas.string().orNull()))
                        .summary("Set the active team").tags("Organization").handler(this::setActive).build(),
                Endpoint.get("/organization/list-user-teams").name("listUserTeams").response(dev.postern.endpoint.ResponseSchemas.arrayOf(OrganizationResponses.TEAM))
                        .query(Schemas.object().optional("userId", Schemas.string()).optional("organizationId", Schemas.string()))
                        .summary("List the teams of a user").tags("Organization").handler(this::listUserTeams).build(),
                Endpoint.get("/organization/list-team-members").name("listTeamMembers").response(dev.postern.endpoint.ResponseSchemas.arrayOf(OrganizationResponses.TEAM_MEMBER))
                        .query(Schemas.object().optional("teamId", Schemas.string()))
                        .summary("List the members of a team").tags("Organization").handler(this::listMembers).build(),
                Endpoint.post("/organization/add-team-member").name("addTeamMember").response(OrganizationResponses.TEAM_MEMBER)
                        .body(Schemas.object().required("teamId", Schemas.string()).required("userId", Schemas.string())
                                .optional("organizationId", Schemas.string()))
                        .summary("Add a member to a team").tags("Organization").handler(this::addMember).build(),
                Endpoint.post("/organization/remove-team-member").name("removeTeamMember").response(OrganizationResponses.MESSAGE)
                        .body(Schemas.object().required("teamId", Schemas.string()).required("userId", Schemas.string())
                                .optional("organizationId", Schemas.string()))
                        .summary("Remove a member from a team").tags("Organization").handler(this::removeMember).build());
    }

    private static String organizationId(EndpointContext ctx, Optional<Session> session, Optional<String> explicit) {
        return explicit.or(() -> session.flatMap(OrganizationPlugin::activeOrganizationId))
                .orElseThrow(() -> NO_ACTIVE_ORGANIZATION.toException(BAD_REQUEST));
    }

    /** The caller's member row, checked for a permission; {@code missing} answers an outsider. */
    private Row authorized(OrganizationData data, Session session, String organizationId, String resource, String action,
                           ErrorCode missing, dev.postern.http.Status missingStatus, ErrorCode denied) {
        Row member = data.member(session.userId(), organizationId)
                .orElseThrow(() -> missing.toException(missingStatus));
        if (!plugin.permissions().allows(data, member.string("role"), organizationId, Map.of(resource, ActionRequest.all(action)))) {
            throw denied.toException(FORBIDDEN);
        }
        return member;
    }

    private Object create(EndpointContext ctx) {
        Optional<Session> session = ctx.postern().sessions().current(ctx);
        String organizationId = organizationId(ctx, session, ctx.bodyString("organizationId"));
        if (session.isEmpty() && ctx.isHttp()) {
            throw SessionErrorCodes.UNAUTHORIZED.toException(UNAUTHORIZED);
        }
        OrganizationData data = plugin.data(ctx);
        if (session.isPresent()) {
            authorized(data, session.get(), organizationId, "team", "create",
                    OrganizationErrorCodes.YOU_ARE_NOT_ALLOWED_TO_INVITE_USERS_TO_THIS_ORGANIZATION, FORBIDDEN,
                    OrganizationErrorCodes.YOU_ARE_NOT_ALLOWED_TO_CREATE_TEAMS_IN_THIS_ORGANIZATION);
        }
        Integer maximum = options.teams().maximumTeams();
        if (maximum != null && maximum > 0 && data.count(TEAM, Where.eq("organizationId", organizationId)) >= maximum) {
            throw OrganizationErrorCodes.YOU_HAVE_REACHED_THE_MAXIMUM_NUMBER_OF_TEAMS.toException(BAD_REQUEST);
        }
        Row organization = data.organizationById(organizationId).orElseThrow(() -> ORGANIZATION_NOT_FOUND.toException(BAD_REQUEST));
        String name = ctx.bodyString("name").orElseThrow();
        Row user = session.map(Session::user).orElse(null);
        return TeamData.output(data, data.transaction(tx -> TeamData.createTeam(tx, options, organization, name, user, true)));
    }

    private Object remove(EndpointContext ctx) {
        Optional<Session> session = ctx.postern().sessions().current(ctx);
        String organizationId = organizationId(ctx, session, ctx.bodyString("organizationId"));
        if (session.isEmpty() && ctx.isHttp()) {
            throw SessionErrorCodes.UNAUTHORIZED.toException(UNAUTHORIZED);
        }
        String teamId = ctx.bodyString("teamId").orElseThrow();
        OrganizationData data = plugin.data(ctx);
        if (session.isPresent()) {
            Row member = data.member(session.get().userId(), organizationId).orElse(null);
            if (member == null || teamId.equals(session.get().session().string(OrganizationSchema.ACTIVE_TEAM_ID))) {
                throw OrganizationErrorCodes.YOU_ARE_NOT_ALLOWED_TO_DELETE_THIS_TEAM.toException(FORBIDDEN);
            }
            authorized(data, session.get(), organizationId, "team", "delete",
                    OrganizationErrorCodes.YOU_ARE_NOT_ALLOWED_TO_DELETE_THIS_TEAM, FORBIDDEN,
                    OrganizationErrorCodes.YOU_ARE_NOT_ALLOWED_TO_DELETE_TEAMS_IN_THIS_ORGANIZATION);
        }
        Row team = TeamData.team(data, teamId, organizationId).orElseThrow(() -> TEAM_NOT_FOUND.toException(BAD_REQUEST));
        if (!options.teams().allowRemovingAllTeams() && data.count(TEAM, Where.eq("organizationId", organizationId)) <= 1) {
            throw OrganizationErrorCodes.UNABLE_TO_REMOVE_LAST_TEAM.toException(BAD_REQUEST);
        }
        Map<String, Object> orgOut = data.organizationOutput(data.organizationById(organizationId)
                .orElseThrow(() -> ORGANIZATION_NOT_FOUND.toException(BAD_REQUEST)));
        Row user = session.map(Session::user).orElse(null);
        data.transaction(tx -> {
            options.hooks().beforeDeleteTeam(team, user, orgOut);
            tx.store().deleteMany(TEAM_MEMBER, Where.eq("teamId", team.id()));
            tx.store().delete(TEAM, Where.eq("id", team.id()));
            // Pending invitations into the removed team keep their other teams.
            for (Row invitation : tx.store().findMany(INVITATION, Query.where(
                    Where.eq("organizationId", organizationId).andEq("status", "pending")))) {
                String teams = invitation.string("teamId");
                if (teams == null || teams.isEmpty()) {
                    continue;
                }
                List<String> ids = new ArrayList<>(Arrays.asList(teams.split(",")));
                if (ids.remove(team.id())) {
                    Map<String, Object> change = new LinkedHashMap<>();
                    change.put("teamId", ids.isEmpty() ? null : String.join(",", ids));
                    tx.store().update(INVITATION, Where.eq("id", invitation.id()), change);
                }
            }
            return null;
        });
        options.hooks().afterDeleteTeam(team, user, orgOut);
        return Map.of("message", "Team removed successfully.");
    }

    private Object update(EndpointContext ctx) {
        Session session = ctx.postern().sessions().require(ctx);
        JsonNode changes = ctx.body().get("data");
        Optional<String> explicit = Optional.ofNullable(changes.get("organizationId")).filter(n -> !n.isNull()).map(JsonNode::asString);
        String organizationId = organizationId(ctx, Optional.of(session), explicit);
        OrganizationData data = plugin.data(ctx);
        authorized(data, session, organizationId, "team", "update",
                OrganizationErrorCodes.YOU_ARE_NOT_ALLOWED_TO_UPDATE_THIS_TEAM, FORBIDDEN,
                OrganizationErrorCodes.YOU_ARE_NOT_ALLOWED_TO_UPDATE_THIS_TEAM);
        Row team = TeamData.team(data, ctx.bodyString("teamId").orElseThrow(), organizationId)
                .orElseThrow(() -> TEAM_NOT_FOUND.toException(BAD_REQUEST));
        Map<String, Object> values = new LinkedHashMap<>();
        if (changes.has("name")) {
            values.put("name", changes.get("name").asString());
        }
        Map<String, Object> orgOut = data.organizationOutput(data.organizationById(organizationId)
                .orElseThrow(() -> ORGANIZATION_NOT_FOUND.toException(BAD_REQUEST)));
        Row updated = data.transaction(tx -> {
            Map<String, Object> update = options.hooks()
                    .beforeUpdateTeam(team, java.util.Collections.unmodifiableMap(values), session.user(), orgOut)
                    .<Map<String, Object>>map(LinkedHashMap::new).orElse(values);
            update.remove("organizationId");
            update.remove("memberCount");
            update.put("updatedAt", OrganizationData.now());
            Row row = tx.store().update(TEAM, Where.eq("id", team.id()).andEq("organizationId", organizationId), update)
                    .orElse(null);
            if (row != null) {
                options.hooks().afterUpdateTeam(row, session.user(), orgOut);
            }
            return row;
        });
        return updated == null ? null : TeamData.output(data, updated);
    }

    private Object list(EndpointContext ctx) {
        Session session = ctx.postern().sessions().require(ctx);
        String organizationId = organizationId(ctx, Optional.of(session), ctx.queryString("organizationId"));
        OrganizationData data = plugin.data(ctx);
        if (data.member(session.userId(), organizationId).isEmpty()) {
            throw OrganizationErrorCodes.YOU_ARE_NOT_ALLOWED_TO_ACCESS_THIS_ORGANIZATION.toException(FORBIDDEN);
        }
        return TeamData.teamsOf(data, organizationId);
    }

    private Object setActive(EndpointContext ctx) {
        Session session = ctx.postern().sessions().require(ctx);
        JsonNode node = ctx.body().get("teamId");
        if (node != null && node.isNull()) {
            if (session.session().string(OrganizationSchema.ACTIVE_TEAM_ID) == null) {
                return null;
            }
            ctx.postern().sessions().setCookies(ctx, OrganizationPlugin.setActiveTeam(ctx, session, null));
            return null;
        }
        Optional<String> teamId = ctx.bodyString("teamId").filter(s -> !s.isEmpty())
                .or(() -> Optional.ofNullable(session.session().string(OrganizationSchema.ACTIVE_TEAM_ID)));
        if (teamId.isEmpty()) {
            return null;
        }
        String organizationId = OrganizationPlugin.activeOrganizationId(session)
                .orElseThrow(() -> NO_ACTIVE_ORGANIZATION.toException(BAD_REQUEST));
        OrganizationData data = plugin.data(ctx);
        Row team = TeamData.team(data, teamId.get(), organizationId).orElseThrow(() -> TEAM_NOT_FOUND.toException(BAD_REQUEST));
        if (TeamData.teamMember(data, team.id(), session.userId()).isEmpty()) {
            throw USER_IS_NOT_A_MEMBER_OF_THE_TEAM.toException(FORBIDDEN);
        }
        ctx.postern().sessions().setCookies(ctx, OrganizationPlugin.setActiveTeam(ctx, session, team.id()));
        return TeamData.output(data, team);
    }

    private List<Map<String, Object>> teamsOfUser(OrganizationData data, String userId) {
        List<String> ids = data.store().findMany(TEAM_MEMBER, Query.where(Where.eq("userId", userId)))
                .stream().map(r -> r.string("teamId")).distinct().toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        return data.store().findMany(TEAM, Query.where(Where.in("id", ids))).stream().map(t -> TeamData.output(data, t)).toList();
    }

    private Object listUserTeams(EndpointContext ctx) {
        Session session = ctx.postern().sessions().require(ctx);
        OrganizationData data = plugin.data(ctx);
        String target = ctx.queryString("userId").orElse(session.userId());
        Optional<String> organizationId = ctx.queryString("organizationId").or(() -> OrganizationPlugin.activeOrganizationId(session));
        if (!target.equals(session.userId())) {
            String orgId = organizationId.orElseThrow(() -> NO_ACTIVE_ORGANIZATION.toException(BAD_REQUEST));
            authorized(data, session, orgId, "member", "update",
                    OrganizationErrorCodes.YOU_ARE_NOT_A_MEMBER_OF_THIS_ORGANIZATION, FORBIDDEN,
                    OrganizationErrorCodes.YOU_ARE_NOT_ALLOWED_TO_UPDATE_THIS_MEMBER);
            if (data.member(target, orgId).isEmpty()) {
                throw USER_IS_NOT_A_MEMBER_OF_THE_ORGANIZATION.toException(BAD_REQUEST);
            }
            return teamsOfUser(data, target).stream().filter(t -> orgId.equals(t.get("organizationId"))).toList();
        }
        if (ctx.queryString("organizationId").isPresent()) {
            String orgId = ctx.queryString("organizationId").get();
            if (data.member(session.userId(), orgId).isEmpty()) {
                throw OrganizationErrorCodes.YOU_ARE_NOT_A_MEMBER_OF_THIS_ORGANIZATION.toException(FORBIDDEN);
            }
            return teamsOfUser(data, session.userId()).stream().filter(t -> orgId.equals(t.get("organizationId"))).toList();
        }
        // Teams of organizations the user has left are not shown.
        return teamsOfUser(data, session.userId()).stream()
                .filter(t -> data.member(session.userId(), String.valueOf(t.get("organizationId"))).isPresent()).toList();
    }

    private Object listMembers(EndpointContext ctx) {
        Session session = ctx.postern().sessions().require(ctx);
        String teamId = ctx.queryString("teamId")
                .or(() -> Optional.ofNullable(session.session().string(OrganizationSchema.ACTIVE_TEAM_ID)))
                .orElseThrow(() -> OrganizationErrorCodes.YOU_DO_NOT_HAVE_AN_ACTIVE_TEAM.toException(BAD_REQUEST));
        OrganizationData data = plugin.data(ctx);
        Row team = data.store().findOne(TEAM, Where.eq("id", teamId)).orElseThrow(() -> TEAM_NOT_FOUND.toException(BAD_REQUEST));
        if (data.member(session.userId(), team.string("organizationId")).isEmpty()
                || TeamData.teamMember(data, teamId, session.userId()).isEmpty()) {
            throw USER_IS_NOT_A_MEMBER_OF_THE_TEAM.toException(BAD_REQUEST);
        }
        return data.store().findMany(TEAM_MEMBER, Query.where(Where.eq("teamId", teamId))).stream()
                .map(m -> Output.of(data.schema(), TEAM_MEMBER, m)).toList();
    }

    /** What add- and remove-team-member act on: a team of the caller's organization and one of its members. */
    private record TeamMembership(OrganizationData data, Row team, String userId, Map<String, Object> organization) {
    }

    private TeamMembership teamMembership(EndpointContext ctx, String action, ErrorCode denied) {
        Session session = ctx.postern().sessions().require(ctx);
        String organizationId = organizationId(ctx, Optional.of(session), ctx.bodyString("organizationId"));
        OrganizationData data = plugin.data(ctx);
        authorized(data, session, organizationId, "member", action, USER_IS_NOT_A_MEMBER_OF_THE_ORGANIZATION, BAD_REQUEST, denied);
        String userId = ctx.bodyString("userId").orElseThrow();
        if (data.member(userId, organizationId).isEmpty()) {
            throw USER_IS_NOT_A_MEMBER_OF_THE_ORGANIZATION.toException(BAD_REQUEST);
        }
        Row team = TeamData.team(data, ctx.bodyString("teamId").orElseThrow(), organizationId)
                .orElseThrow(() -> TEAM_NOT_FOUND.toException(BAD_REQUEST));
        Map<String, Object> organization = data.organizationOutput(data.organizationById(organizationId)
                .orElseThrow(() -> ORGANIZATION_NOT_FOUND.toException(BAD_REQUEST)));
        return new TeamMembership(data, team, userId, organization);
    }

    private Object addMember(EndpointContext ctx) {
        TeamMembership target = teamMembership(ctx, "update", OrganizationErrorCodes.YOU_ARE_NOT_ALLOWED_TO_CREATE_A_NEW_TEAM_MEMBER);
        OrganizationData data = target.data();
        Row user = data.user(target.userId()).orElseThrow(() -> ApiException.message(BAD_REQUEST, "User not found"));
        Map<String, Object> orgOut = target.organization();
        Row added = data.transaction(tx -> {
            options.hooks().beforeAddTeamMember(target.team(), user, orgOut);
            Row row = TeamData.addTeamMember(tx, options, target.team().id(), target.userId());
            options.hooks().afterAddTeamMember(row, target.team(), user, orgOut);
            return row;
        });
        return Output.of(data.schema(), TEAM_MEMBER, added);
    }

    private Object removeMember(EndpointContext ctx) {
        TeamMembership target = teamMembership(ctx, "delete", OrganizationErrorCodes.YOU_ARE_NOT_ALLOWED_TO_REMOVE_A_TEAM_MEMBER);
        OrganizationData data = target.data();
        String teamId = target.team().id();
        String userId = target.userId();
        Row user = data.user(userId).orElseThrow(() -> ApiException.message(BAD_REQUEST, "User not found"));
        Row teamMember = TeamData.teamMember(data, teamId, userId)
                .orElseThrow(() -> USER_IS_NOT_A_MEMBER_OF_THE_TEAM.toException(BAD_REQUEST));
        data.transaction(tx -> {
            options.hooks().beforeRemoveTeamMember(teamMember, target.team(), user, target.organization());
            tx.store().deleteMany(TEAM_MEMBER, Where.eq("teamId", teamId).andEq("userId", userId));
            TeamData.syncCount(tx, teamId);
            return null;
        });
        options.hooks().afterRemoveTeamMember(teamMember, target.team(), user, target.organization());
        return Map.of("message", "Team member removed successfully.");
    }
}
