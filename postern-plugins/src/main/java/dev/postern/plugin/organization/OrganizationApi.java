package dev.postern.plugin.organization;

import dev.postern.Postern;
import dev.postern.PosternApi;
import dev.postern.PosternApi.ApiCall;
import dev.postern.api.ApiResponse;
import dev.postern.api.StatusResponse;
import dev.postern.api.SuccessResponse;
import dev.postern.http.Headers;
import dev.postern.plugin.organization.OrganizationApiTypes.ActiveMemberRole;
import dev.postern.plugin.organization.OrganizationApiTypes.AddMemberRequest;
import dev.postern.plugin.organization.OrganizationApiTypes.CreateInvitationRequest;
import dev.postern.plugin.organization.OrganizationApiTypes.CreateOrganizationRequest;
import dev.postern.plugin.organization.OrganizationApiTypes.FullOrganization;
import dev.postern.plugin.organization.OrganizationApiTypes.HasPermissionResponse;
import dev.postern.plugin.organization.OrganizationApiTypes.Invitation;
import dev.postern.plugin.organization.OrganizationApiTypes.InvitationAndMember;
import dev.postern.plugin.organization.OrganizationApiTypes.ListMembersRequest;
import dev.postern.plugin.organization.OrganizationApiTypes.Member;
import dev.postern.plugin.organization.OrganizationApiTypes.MemberList;
import dev.postern.plugin.organization.OrganizationApiTypes.MessageResponse;
import dev.postern.plugin.organization.OrganizationApiTypes.OrgRole;
import dev.postern.plugin.organization.OrganizationApiTypes.OrgRoleChange;
import dev.postern.plugin.organization.OrganizationApiTypes.Organization;
import dev.postern.plugin.organization.OrganizationApiTypes.OrganizationChanges;
import dev.postern.plugin.organization.OrganizationApiTypes.RemovedMember;
import dev.postern.plugin.organization.OrganizationApiTypes.RoleRef;
import dev.postern.plugin.organization.OrganizationApiTypes.Team;
import dev.postern.plugin.organization.OrganizationApiTypes.TeamMember;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.core.type.TypeReference;

/**
 * Typed Java API for the {@code organization} plugin's endpoints, one method per endpoint and named as it
 * (better-auth's {@code auth.api.createOrganization({body, headers})}); the records are in
 * {@link OrganizationApiTypes}. {@code headers} carry the caller's session: its user is the member whose role
 * decides what is allowed, and an {@code organizationId} left null means the session's active organization,
 * as in better-auth. Roles are given as a list (better-auth's string or string array).
 *
 * <pre>{@code
 * OrganizationApi organizations = OrganizationApi.of(postern);
 * FullOrganization acme = organizations.createOrganization(headers, CreateOrganizationRequest.of("Acme", "acme"))
 *         .value();
 * organizations.createInvitation(headers, CreateInvitationRequest.of("bob@example.com", "member", acme.id()));
 * }</pre>
 *
 * <p>The team methods need {@link OrganizationOptions.Teams#enabled()}, the {@code ...OrgRole} methods
 * {@link OrganizationOptions.DynamicAccessControl#enabled()}; without them the endpoint does not exist and the
 * call fails with {@link IllegalArgumentException}.
 */
public final class OrganizationApi {
    private static final TypeReference<List<Organization>> ORGANIZATIONS = new TypeReference<>() {
    };
    private static final TypeReference<List<Invitation>> INVITATIONS = new TypeReference<>() {
    };
    private static final TypeReference<List<OrgRole>> ROLES = new TypeReference<>() {
    };
    private static final TypeReference<List<Team>> TEAMS = new TypeReference<>() {
    };
    private static final TypeReference<List<TeamMember>> TEAM_MEMBERS = new TypeReference<>() {
    };

    private final PosternApi api;

    public OrganizationApi(PosternApi api) {
        this.api = Objects.requireNonNull(api, "api");
    }

    public static OrganizationApi of(Postern postern) {
        return new OrganizationApi(postern.api());
    }

    // ---- organizations

    /**
     * Creates an organization with the caller as its {@link OrganizationOptions#creatorRole() creator} and
     * makes it the session's active one (unless {@code keepCurrentActiveOrganization}); the answer lists that
     * one member. Without a session the server may create it for {@code request.userId()}.
     */
    public ApiResponse<FullOrganization> createOrganization(Headers headers, CreateOrganizationRequest request) {
        return api.call("createOrganization", ApiCall.empty().withBody(request).withHeaders(headers),
                FullOrganization.class);
    }

    /** {@code status: true} when the slug is free; a taken slug is ORGANIZATION_SLUG_ALREADY_TAKEN. */
    public ApiResponse<StatusResponse> checkOrganizationSlug(Headers headers, String slug) {
        return api.call("checkOrganizationSlug", body(headers, "slug", slug), StatusResponse.class);
    }

    /** Changes the fields of {@code data} that are not null; {@code organizationId} null: the active one. */
    public ApiResponse<Organization> updateOrganization(Headers headers, String organizationId,
                                                        OrganizationChanges data) {
        return api.call("updateOrganization", body(headers, "organizationId", organizationId,
                "data", present("name", data.name(), "slug", data.slug(), "logo", data.logo(),
                        "metadata", data.metadata())), Organization.class);
    }

    /** Deletes the organization with its members, invitations, teams and roles; answers what it was. */
    public ApiResponse<Organization> deleteOrganization(Headers headers, String organizationId) {
        return api.call("deleteOrganization", body(headers, "organizationId", organizationId), Organization.class);
    }

    /** The organization named by slug, else by id, else the active one; a null value when there is none. */
    public ApiResponse<Organization> getOrganization(Headers headers, String organizationId, String organizationSlug) {
        return api.call("getOrganization", query(headers, "organizationId", organizationId,
                "organizationSlug", organizationSlug), Organization.class);
    }

    /**
     * As {@link #getOrganization}, with its members (at most {@code membersLimit}, null for the membership
     * limit), the invitations the caller may see and, with teams enabled, its teams.
     */
    public ApiResponse<FullOrganization> getFullOrganization(Headers headers, String organizationId,
                                                             String organizationSlug, Integer membersLimit) {
        return api.call("getFullOrganization", query(headers, "organizationId", organizationId,
                "organizationSlug", organizationSlug, "membersLimit", membersLimit), FullOrganization.class);
    }

    /**
     * Makes the organization (by id, else by slug) the session's active one; both null clear it (a null
     * value). The answer's cookies carry the updated session for a browser.
     */
    public ApiResponse<Organization> setActiveOrganization(Headers headers, String organizationId,
                                                           String organizationSlug) {
        Map<String, Object> body = present("organizationId", organizationId, "organizationSlug", organizationSlug);
        if (body.isEmpty()) {
            body.put("organizationId", null); // an explicit null clears; an absent id means "the active one"
        }
        return api.call("setActiveOrganization", ApiCall.body(body).withHeaders(headers), Organization.class);
    }

    /** The organizations the caller is a member of. */
    public ApiResponse<List<Organization>> listOrganizations(Headers headers) {
        return api.call("listOrganizations", ApiCall.empty().withHeaders(headers), ORGANIZATIONS);
    }

    // ---- invitations

    /** Invites an address (mailing the invitation); with {@code resend}, renews a pending one instead. */
    public ApiResponse<Invitation> createInvitation(Headers headers, CreateInvitationRequest request) {
        return api.call("createInvitation", ApiCall.empty().withBody(request).withHeaders(headers), Invitation.class);
    }

    /** The invited user joins the organization, which becomes its active one. */
    public ApiResponse<InvitationAndMember> acceptInvitation(Headers headers, String invitationId) {
        return api.call("acceptInvitation", body(headers, "invitationId", invitationId), InvitationAndMember.class);
    }

    /** The invited user declines; the answer's {@code member} is null. */
    public ApiResponse<InvitationAndMember> rejectInvitation(Headers headers, String invitationId) {
        return api.call("rejectInvitation", body(headers, "invitationId", invitationId), InvitationAndMember.class);
    }

    /** A member allowed to cancel invitations withdraws one. */
    public ApiResponse<Invitation> cancelInvitation(Headers headers, String invitationId) {
        return api.call("cancelInvitation", body(headers, "invitationId", invitationId), Invitation.class);
    }

    /** A pending invitation addressed to the caller, with the organization's name and slug and the inviter. */
    public ApiResponse<Invitation> getInvitation(Headers headers, String id) {
        return api.call("getInvitation", query(headers, "id", id), Invitation.class);
    }

    /** The invitations of an organization (null: the active one), for members who may invite. */
    public ApiResponse<List<Invitation>> listInvitations(Headers headers, String organizationId) {
        return api.call("listInvitations", query(headers, "organizationId", organizationId), INVITATIONS);
    }

    /**
     * The pending invitations to the caller's address, each with {@code organizationName}; the server may
     * ask for any {@code email} instead (headers empty).
     */
    public ApiResponse<List<Invitation>> listUserInvitations(Headers headers, String email) {
        return api.call("listUserInvitations", query(headers, "email", email), INVITATIONS);
    }

    // ---- members

    /** Server only: makes a user a member directly, without an invitation; {@code headers} may be empty. */
    public ApiResponse<Member> addMember(Headers headers, AddMemberRequest request) {
        return api.call("addMember", ApiCall.empty().withBody(request).withHeaders(headers), Member.class);
    }

    /** Removes a member named by member id or by e-mail address. */
    public ApiResponse<RemovedMember> removeMember(Headers headers, String memberIdOrEmail, String organizationId) {
        return api.call("removeMember", body(headers, "memberIdOrEmail", memberIdOrEmail,
                "organizationId", organizationId), RemovedMember.class);
    }

    /** Replaces a member's roles; only holders of the creator role may grant or take it. */
    public ApiResponse<Member> updateMemberRole(Headers headers, String memberId, List<String> role,
                                                String organizationId) {
        return api.call("updateMemberRole", body(headers, "memberId", memberId, "role", role,
                "organizationId", organizationId), Member.class);
    }

    /** The caller's member record (with its user) in the active organization. */
    public ApiResponse<Member> getActiveMember(Headers headers) {
        return api.call("getActiveMember", ApiCall.empty().withHeaders(headers), Member.class);
    }

    /**
     * The role of {@code userId} (null: the caller) in the organization named by slug, else id, else the
     * active one; {@code role} is comma-separated when there are several.
     */
    public ApiResponse<ActiveMemberRole> getActiveMemberRole(Headers headers, String userId, String organizationId,
                                                             String organizationSlug) {
        return api.call("getActiveMemberRole", query(headers, "userId", userId, "organizationId", organizationId,
                "organizationSlug", organizationSlug), ActiveMemberRole.class);
    }

    /** The caller leaves the organization (the last creator cannot); answers the removed member. */
    public ApiResponse<Member> leaveOrganization(Headers headers, String organizationId) {
        return api.call("leaveOrganization", body(headers, "organizationId", organizationId), Member.class);
    }

    /** A page of an organization's members, with their users, and how many match in all. */
    public ApiResponse<MemberList> listMembers(Headers headers, ListMembersRequest request) {
        ApiCall call = ApiCall.empty().withHeaders(headers);
        return api.call("listMembers", request == null ? call : call.withQuery(request), MemberList.class);
    }

    /**
     * Whether the caller's role in the organization (null: the active one) allows every action asked,
     * resource → actions; a refusal is {@code success: false}, not an error.
     */
    public ApiResponse<HasPermissionResponse> hasPermission(Headers headers, String organizationId,
                                                            Map<String, List<String>> permissions) {
        return api.call("hasPermission", body(headers, "organizationId", organizationId,
                "permissions", permissions), HasPermissionResponse.class);
    }

    // ---- roles stored per organization (dynamic access control)

    /**
     * Stores a role (its name lower-cased) granting {@code permission}, resource → actions; the caller may
     * only grant what its own role allows.
     */
    public ApiResponse<OrgRoleChange> createOrgRole(Headers headers, String organizationId, String role,
                                                    Map<String, List<String>> permission) {
        return api.call("createOrgRole", body(headers, "organizationId", organizationId, "role", role,
                "permission", permission), OrgRoleChange.class);
    }

    /** Deletes a stored role no member holds. */
    public ApiResponse<SuccessResponse> deleteOrgRole(Headers headers, RoleRef role) {
        return api.call("deleteOrgRole", ApiCall.empty().withBody(role).withHeaders(headers), SuccessResponse.class);
    }

    /** The roles stored for the organization (null: the active one). */
    public ApiResponse<List<OrgRole>> listOrgRoles(Headers headers, String organizationId) {
        return api.call("listOrgRoles", query(headers, "organizationId", organizationId), ROLES);
    }

    public ApiResponse<OrgRole> getOrgRole(Headers headers, RoleRef role) {
        return api.call("getOrgRole", ApiCall.empty().withQuery(role).withHeaders(headers), OrgRole.class);
    }

    /** Replaces the role's permission and/or renames it (either may be null); the answer has no statements. */
    public ApiResponse<OrgRoleChange> updateOrgRole(Headers headers, RoleRef role,
                                                    Map<String, List<String>> permission, String newName) {
        return api.call("updateOrgRole", body(headers, "organizationId", role.organizationId(),
                "roleName", role.roleName(), "roleId", role.roleId(),
                "data", present("permission", permission, "roleName", newName)), OrgRoleChange.class);
    }

    // ---- teams

    public ApiResponse<Team> createTeam(Headers headers, String name, String organizationId) {
        return api.call("createTeam", body(headers, "name", name, "organizationId", organizationId), Team.class);
    }

    /** Removes the team (not the last one, unless allowed, nor the caller's active team). */
    public ApiResponse<MessageResponse> removeTeam(Headers headers, String teamId, String organizationId) {
        return api.call("removeTeam", body(headers, "teamId", teamId, "organizationId", organizationId),
                MessageResponse.class);
    }

    public ApiResponse<Team> updateTeam(Headers headers, String teamId, String name, String organizationId) {
        return api.call("updateTeam", body(headers, "teamId", teamId,
                "data", present("name", name, "organizationId", organizationId)), Team.class);
    }

    /** The teams of the organization (null: the active one). */
    public ApiResponse<List<Team>> listOrganizationTeams(Headers headers, String organizationId) {
        return api.call("listOrganizationTeams", query(headers, "organizationId", organizationId), TEAMS);
    }

    /** Makes a team of the active organization the caller's active team; null clears it (a null value). */
    public ApiResponse<Team> setActiveTeam(Headers headers, String teamId) {
        Map<String, Object> body = new HashMap<>();
        body.put("teamId", teamId);
        return api.call("setActiveTeam", ApiCall.body(body).withHeaders(headers), Team.class);
    }

    /**
     * The teams {@code userId} (null: the caller) is in, within the organization given (or, for another user,
     * the active one).
     */
    public ApiResponse<List<Team>> listUserTeams(Headers headers, String userId, String organizationId) {
        return api.call("listUserTeams", query(headers, "userId", userId, "organizationId", organizationId), TEAMS);
    }

    /** The members of a team the caller is in (null: the active team). */
    public ApiResponse<List<TeamMember>> listTeamMembers(Headers headers, String teamId) {
        return api.call("listTeamMembers", query(headers, "teamId", teamId), TEAM_MEMBERS);
    }

    /** Adds a member of the organization to one of its teams. */
    public ApiResponse<TeamMember> addTeamMember(Headers headers, String teamId, String userId,
                                                 String organizationId) {
        return api.call("addTeamMember", body(headers, "teamId", teamId, "userId", userId,
                "organizationId", organizationId), TeamMember.class);
    }

    public ApiResponse<MessageResponse> removeTeamMember(Headers headers, String teamId, String userId,
                                                         String organizationId) {
        return api.call("removeTeamMember", body(headers, "teamId", teamId, "userId", userId,
                "organizationId", organizationId), MessageResponse.class);
    }

    // ---- requests

    private static ApiCall body(Headers headers, Object... namesAndValues) {
        return ApiCall.body(present(namesAndValues)).withHeaders(headers);
    }

    private static ApiCall query(Headers headers, Object... namesAndValues) {
        return ApiCall.empty().withQuery(present(namesAndValues)).withHeaders(headers);
    }

    /** The name/value pairs whose value is not null: a client leaves out what it does not send. */
    private static Map<String, Object> present(Object... namesAndValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                fields.put((String) namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        return fields;
    }
}
