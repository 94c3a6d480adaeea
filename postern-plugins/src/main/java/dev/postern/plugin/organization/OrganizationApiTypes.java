package dev.postern.plugin.organization;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The requests and answers of {@link OrganizationApi}, shaped as the endpoints' JSON. Fields a record does not
 * name (additional fields of a table, say) are in {@link dev.postern.api.ApiResponse#json()}; null request
 * components are left out of the request, as a client leaves out what it does not send.
 */
public final class OrganizationApiTypes {
    private OrganizationApiTypes() {
    }

    /**
     * An organization. {@code metadata} is as better-auth answers it: an object from create and update, the
     * stored JSON text elsewhere.
     */
    public record Organization(String id, String name, String slug, String logo, Object metadata,
                               Instant createdAt) {
    }

    /**
     * An organization with its members; {@code invitations} (those the caller may see) and {@code teams} (with
     * teams enabled) are in {@code getFullOrganization}'s answer only, null in {@code createOrganization}'s.
     */
    public record FullOrganization(String id, String name, String slug, String logo, Object metadata,
                                   Instant createdAt, List<Member> members, List<Invitation> invitations,
                                   List<Team> teams) {
    }

    /**
     * A membership; {@code role} is comma-separated when the member has several. {@code user} is there where
     * the endpoint joins it (listMembers, getFullOrganization, getActiveMember, leaveOrganization), else null.
     */
    public record Member(String id, String organizationId, String userId, String role, Instant createdAt,
                         MemberUser user) {
    }

    public record MemberUser(String id, String name, String email, String image) {
    }

    /**
     * An invitation; {@code status} is pending, accepted, rejected or canceled, {@code teamId} comma-separated
     * team ids (teams enabled). {@code organizationName} comes with getInvitation and listUserInvitations,
     * {@code organizationSlug} and {@code inviterEmail} with getInvitation; they are null elsewhere.
     */
    public record Invitation(String id, String organizationId, String email, String role, String status,
                             String inviterId, Instant expiresAt, Instant createdAt, String teamId,
                             String organizationName, String organizationSlug, String inviterEmail) {
    }

    /** What accepting (with the new member) or rejecting (member null) an invitation answers. */
    public record InvitationAndMember(Invitation invitation, Member member) {
    }

    /** A page of members and the number of members matching in all. */
    public record MemberList(List<Member> members, long total) {
    }

    public record RemovedMember(Member member) {
    }

    public record ActiveMemberRole(String role) {
    }

    /** {@code error} is always null: a refused permission is {@code success: false}. */
    public record HasPermissionResponse(String error, boolean success) {
    }

    public record Team(String id, String name, String organizationId, Instant createdAt, Instant updatedAt) {
    }

    public record TeamMember(String id, String teamId, String userId, Instant createdAt) {
    }

    /** A role stored for one organization; {@code permission} is resource → actions. */
    public record OrgRole(String id, String organizationId, String role, Map<String, List<String>> permission,
                          Instant createdAt, Instant updatedAt) {
    }

    /** What creating or updating a stored role answers; {@code statements} (what it grants) only on creation. */
    public record OrgRoleChange(boolean success, OrgRole roleData, Map<String, List<String>> statements) {
    }

    public record MessageResponse(String message) {
    }

    /**
     * {@code createOrganization}'s body. {@code userId} is for the server creating an organization for a user
     * without a session.
     */
    public record CreateOrganizationRequest(String name, String slug, String userId, String logo,
                                            Map<String, Object> metadata, Boolean keepCurrentActiveOrganization) {
        /** An organization for the signed-in user, which becomes its active one. */
        public static CreateOrganizationRequest of(String name, String slug) {
            return new CreateOrganizationRequest(name, slug, null, null, null, null);
        }
    }

    /** {@code updateOrganization}'s {@code data}; null fields are left unchanged. */
    public record OrganizationChanges(String name, String slug, String logo, Map<String, Object> metadata) {
    }

    /**
     * {@code createInvitation}'s body; {@code organizationId} null: the active organization. {@code teamId}
     * (teams enabled) are teams the invited user joins on accepting.
     */
    public record CreateInvitationRequest(String email, List<String> role, String organizationId, Boolean resend,
                                          List<String> teamId) {
        public static CreateInvitationRequest of(String email, String role, String organizationId) {
            return new CreateInvitationRequest(email, List.of(role), organizationId, null, null);
        }
    }

    /** {@code addMember}'s body; {@code teamId} (teams enabled) is a team the new member joins too. */
    public record AddMemberRequest(String userId, List<String> role, String organizationId, String teamId) {
        public static AddMemberRequest of(String userId, String role, String organizationId) {
            return new AddMemberRequest(userId, List.of(role), organizationId, null);
        }
    }

    /**
     * {@code listMembers}' query. {@code sortDirection} is asc or desc, {@code filterOperator} eq, ne, lt,
     * lte, gt, gte, in, not_in, contains, starts_with or ends_with; the organization is named by slug, else
     * id, else it is the active one.
     */
    public record ListMembersRequest(Integer limit, Integer offset, String sortBy, String sortDirection,
                                     String filterField, Object filterValue, String filterOperator,
                                     String organizationId, String organizationSlug) {
        /** Every member of the organization (null: the active one), up to the membership limit. */
        public static ListMembersRequest of(String organizationId) {
            return new ListMembersRequest(null, null, null, null, null, null, null, organizationId, null);
        }
    }

    /**
     * A stored role, by {@code roleName} or by {@code roleId}, in the organization {@code organizationId}
     * (null: the active one).
     */
    public record RoleRef(String organizationId, String roleName, String roleId) {
        public static RoleRef named(String organizationId, String roleName) {
            return new RoleRef(organizationId, roleName, null);
        }

        public static RoleRef withId(String organizationId, String roleId) {
            return new RoleRef(organizationId, null, roleId);
        }
    }
}
