package dev.postern.plugin.organization;

import static dev.postern.plugin.organization.Orgs.addMember;
import static dev.postern.plugin.organization.Orgs.create;
import static dev.postern.plugin.organization.Orgs.start;
import static dev.postern.plugin.organization.Orgs.user;
import static dev.postern.plugin.organization.Orgs.userId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.postern.testkit.TestClient;
import dev.postern.testkit.SqliteAndPostgres;
import dev.postern.testkit.TestDatabase;
import dev.postern.testkit.TestPostern;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import tools.jackson.databind.JsonNode;

/**
 * Tenant isolation: Mallory owns organization A and knows every id of organization B (owned by Bob, with
 * member Carol). No endpoint lets her read or change anything of B, whatever ids she sends; each test
 * checks the answer and then that B is unchanged.
 */
class OrganizationTenantIsolationTest {
    private TestPostern auth;
    private TestClient mallory;
    private TestClient bob;
    private TestClient carol;
    private String orgA;
    private String orgB;
    private String carolMember;
    private String bobMember;
    private String invitationB;

    private String teamB;

    private void setUp(TestDatabase database) {
        setUp(database, OrganizationOptions.defaults());
    }

    private void setUp(TestDatabase database, OrganizationOptions options) {
        auth = start(database, options);
        mallory = user(auth, "mallory@example.com");
        bob = user(auth, "bob@example.com");
        carol = user(auth, "carol@example.com");
        orgA = create(mallory, "A", "org-a").get("id").asString();
        orgB = create(bob, "B", "org-b").get("id").asString();
        bobMember = bob.get("/organization/get-active-member").json().get("id").asString();
        carolMember = addMember(auth, userId(carol), orgB, "member").get("id").asString();
        // Mallory also adds a member of her own, so her own organization has rows to confuse with.
        addMember(auth, userId(user(auth, "eve@example.com")), orgA, "member");
        invitationB = bob.postJson("/organization/invite-member", Map.of("email", "dave@example.com", "role", "admin"))
                .assertStatus(200).json().get("id").asString();
    }

    @AfterEach
    void tearDown() {
        if (auth != null) {
            auth.close();
        }
    }

    /** B as Bob sees it: still named B, still Bob (owner) and Carol (member). */
    private void organizationBIsUnchanged() {
        JsonNode full = bob.get("/organization/get-full-organization?organizationId=" + orgB).assertStatus(200).json();
        assertThat(full.get("name").asString()).isEqualTo("B");
        assertThat(full.get("slug").asString()).isEqualTo("org-b");
        Map<String, String> roles = new java.util.HashMap<>();
        full.get("members").forEach(m -> roles.put(m.get("id").asString(), m.get("role").asString()));
        assertThat(roles).containsExactlyInAnyOrderEntriesOf(Map.of(bobMember, "owner", carolMember, "member"));
        JsonNode invitations = bob.get("/organization/list-invitations?organizationId=" + orgB).assertStatus(200).json();
        assertThat(invitations).hasSize(1);
        assertThat(invitations.get(0).get("id").asString()).isEqualTo(invitationB);
        assertThat(invitations.get(0).get("status").asString()).isEqualTo("pending");
        assertThat(invitations.get(0).get("role").asString()).isEqualTo("admin");
    }

    @SqliteAndPostgres
    void readingAnotherOrganizationIsRefused(TestDatabase database) {
        setUp(database);
        mallory.get("/organization/get-organization?organizationId=" + orgB).assertError(403, "USER_IS_NOT_A_MEMBER_OF_THE_ORGANIZATION");
        mallory.get("/organization/get-organization?organizationSlug=org-b").assertError(403, "USER_IS_NOT_A_MEMBER_OF_THE_ORGANIZATION");
        mallory.get("/organization/get-full-organization?organizationId=" + orgB).assertError(403, "USER_IS_NOT_A_MEMBER_OF_THE_ORGANIZATION");
        mallory.get("/organization/get-full-organization?organizationSlug=org-b").assertError(403, "USER_IS_NOT_A_MEMBER_OF_THE_ORGANIZATION");
        mallory.postJson("/organization/set-active", Map.of("organizationId", orgB)).assertError(403, "USER_IS_NOT_A_MEMBER_OF_THE_ORGANIZATION");
        mallory.postJson("/organization/set-active", Map.of("organizationSlug", "org-b")).assertError(403, "USER_IS_NOT_A_MEMBER_OF_THE_ORGANIZATION");
        assertThat(mallory.get("/organization/list").json().findValuesAsString("id")).containsExactly(orgA);
        organizationBIsUnchanged();
    }

    @SqliteAndPostgres
    void changingOrDeletingAnotherOrganizationIsRefused(TestDatabase database) {
        setUp(database);
        mallory.postJson("/organization/update", Map.of("organizationId", orgB, "data", Map.of("name", "pwned")))
                .assertError(400, "USER_IS_NOT_A_MEMBER_OF_THE_ORGANIZATION");
        // Taking B's slug for A is refused too.
        mallory.postJson("/organization/update", Map.of("organizationId", orgA, "data", Map.of("slug", "org-b")))
                .assertError(400, "ORGANIZATION_SLUG_ALREADY_TAKEN");
        mallory.postJson("/organization/delete", Map.of("organizationId", orgB)).assertError(400, "USER_IS_NOT_A_MEMBER_OF_THE_ORGANIZATION");
        organizationBIsUnchanged();
    }

    @SqliteAndPostgres
    void listingOrFilteringAnotherOrganizationsMembersIsRefused(TestDatabase database) {
        setUp(database);
        mallory.get("/organization/list-members?organizationId=" + orgB).assertError(403, "YOU_ARE_NOT_A_MEMBER_OF_THIS_ORGANIZATION");
        mallory.get("/organization/list-members?organizationSlug=org-b").assertError(403, "YOU_ARE_NOT_A_MEMBER_OF_THIS_ORGANIZATION");
        // A filter naming B's id is AND-ed with her own organization: nothing of B comes back.
        JsonNode filtered = mallory.get("/organization/list-members?organizationId=" + orgA
                + "&filterField=organizationId&filterOperator=eq&filterValue=" + orgB).assertStatus(200).json();
        assertThat(filtered.get("total").asInt()).isZero();
        assertThat(filtered.get("members")).isEmpty();
        JsonNode byUser = mallory.get("/organization/list-members?filterField=userId&filterOperator=in&filterValue="
                + userId(bob) + "," + userId(carol)).assertStatus(200).json();
        assertThat(byUser.get("members")).isEmpty();
        JsonNode own = mallory.get("/organization/list-members").json();
        assertThat(own.get("members").findValuesAsString("organizationId")).containsOnly(orgA);
        organizationBIsUnchanged();
    }

    @SqliteAndPostgres
    void memberRolesOfAnotherOrganizationCannotBeReadOrChanged(TestDatabase database) {
        setUp(database);
        mallory.get("/organization/get-active-member-role?organizationId=" + orgB).assertError(403, "YOU_ARE_NOT_A_MEMBER_OF_THIS_ORGANIZATION");
        mallory.get("/organization/get-active-member-role?userId=" + userId(carol)).assertError(403, "YOU_ARE_NOT_A_MEMBER_OF_THIS_ORGANIZATION");
        mallory.get("/organization/get-active-member-role?organizationSlug=org-b&userId=" + userId(carol))
                .assertError(403, "YOU_ARE_NOT_A_MEMBER_OF_THIS_ORGANIZATION");
        // Her own organization, B's member id.
        mallory.postJson("/organization/update-member-role", Map.of("memberId", carolMember, "role", "owner"))
                .assertError(403, "YOU_ARE_NOT_ALLOWED_TO_UPDATE_THIS_MEMBER");
        mallory.postJson("/organization/update-member-role", Map.of("organizationId", orgA, "memberId", bobMember, "role", "member"))
                .assertError(403, "YOU_ARE_NOT_ALLOWED_TO_UPDATE_THIS_MEMBER");
        // B's organization id.
        mallory.postJson("/organization/update-member-role", Map.of("organizationId", orgB, "memberId", carolMember, "role", "admin"))
                .assertError(400, "MEMBER_NOT_FOUND");
        organizationBIsUnchanged();
    }

    @SqliteAndPostgres
    void membersOfAnotherOrganizationCannotBeRemoved(TestDatabase database) {
        setUp(database);
        mallory.postJson("/organization/remove-member", Map.of("memberIdOrEmail", carolMember)).assertError(400, "MEMBER_NOT_FOUND");
        mallory.postJson("/organization/remove-member", Map.of("memberIdOrEmail", bobMember)).assertError(400, "MEMBER_NOT_FOUND");
        mallory.postJson("/organization/remove-member", Map.of("memberIdOrEmail", "carol@example.com")).assertError(400, "MEMBER_NOT_FOUND");
        mallory.postJson("/organization/remove-member", Map.of("organizationId", orgA, "memberIdOrEmail", carolMember))
                .assertError(400, "MEMBER_NOT_FOUND");
        mallory.postJson("/organization/remove-member", Map.of("organizationId", orgB, "memberIdOrEmail", carolMember))
                .assertError(400, "MEMBER_NOT_FOUND");
        mallory.postJson("/organization/leave", Map.of("organizationId", orgB)).assertError(400, "MEMBER_NOT_FOUND");
        organizationBIsUnchanged();
    }

    @SqliteAndPostgres
    void permissionsInAnotherOrganizationAreNotAnswered(TestDatabase database) {
        setUp(database);
        mallory.postJson("/organization/has-permission", Map.of("organizationId", orgB,
                "permissions", Map.of("member", List.of("delete")))).assertError(401, "USER_IS_NOT_A_MEMBER_OF_THE_ORGANIZATION");
        assertThat(mallory.postJson("/organization/has-permission", Map.of("permissions", Map.of("member", List.of("delete"))))
                .json().get("success").asBoolean()).isTrue();
        organizationBIsUnchanged();
    }

    @SqliteAndPostgres
    void invitationsOfAnotherOrganizationCannotBeSeenOrUsed(TestDatabase database) {
        setUp(database);
        mallory.get("/organization/list-invitations?organizationId=" + orgB).assertStatus(403);
        mallory.get("/organization/get-invitation?id=" + invitationB).assertError(403, "YOU_ARE_NOT_THE_RECIPIENT_OF_THE_INVITATION");
        mallory.postJson("/organization/cancel-invitation", Map.of("invitationId", invitationB)).assertError(400, "MEMBER_NOT_FOUND");
        mallory.postJson("/organization/accept-invitation", Map.of("invitationId", invitationB))
                .assertError(403, "YOU_ARE_NOT_THE_RECIPIENT_OF_THE_INVITATION");
        mallory.postJson("/organization/reject-invitation", Map.of("invitationId", invitationB))
                .assertError(403, "YOU_ARE_NOT_THE_RECIPIENT_OF_THE_INVITATION");
        mallory.postJson("/organization/invite-member", Map.of("organizationId", orgB, "email", "mallory2@example.com",
                "role", "owner")).assertError(400, "MEMBER_NOT_FOUND");
        // Re-inviting B's invitee from A creates A's own invitation and leaves B's untouched.
        mallory.postJson("/organization/invite-member", Map.of("email", "dave@example.com", "role", "member", "resend", true))
                .assertStatus(200);
        assertThat(mallory.get("/organization/list-invitations").json().findValuesAsString("organizationId")).containsOnly(orgA);
        // Carol, a member of B, sees none of A's invitations either.
        carol.get("/organization/list-invitations?organizationId=" + orgA).assertStatus(403);
        organizationBIsUnchanged();
    }

    @SqliteAndPostgres
    void teamsOfAnotherOrganizationCannotBeSeenOrChanged(TestDatabase database) {
        setUp(database, OrganizationOptions.builder().teams(OrganizationOptions.Teams.on()).build());
        teamB = bob.postJson("/organization/create-team", Map.of("name", "B-red")).assertStatus(200).json().get("id").asString();
        bob.postJson("/organization/add-team-member", Map.of("teamId", teamB, "userId", userId(carol))).assertStatus(200);
        String eve = mallory.get("/organization/list-members").json().get("members").findValuesAsString("userId").stream()
                .filter(id -> !id.equals(userId(mallory))).findFirst().orElseThrow();

        mallory.get("/organization/list-teams?organizationId=" + orgB).assertError(403, "YOU_ARE_NOT_ALLOWED_TO_ACCESS_THIS_ORGANIZATION");
        mallory.postJson("/organization/update-team", Map.of("teamId", teamB, "data", Map.of("name", "pwned")))
                .assertError(400, "TEAM_NOT_FOUND");
        mallory.postJson("/organization/update-team", Map.of("teamId", teamB, "data", Map.of("name", "pwned", "organizationId", orgB)))
                .assertError(403, "YOU_ARE_NOT_ALLOWED_TO_UPDATE_THIS_TEAM");
        mallory.postJson("/organization/remove-team", Map.of("teamId", teamB)).assertError(400, "TEAM_NOT_FOUND");
        mallory.postJson("/organization/remove-team", Map.of("teamId", teamB, "organizationId", orgB))
                .assertError(403, "YOU_ARE_NOT_ALLOWED_TO_DELETE_THIS_TEAM");
        mallory.postJson("/organization/set-active-team", Map.of("teamId", teamB)).assertError(400, "TEAM_NOT_FOUND");
        mallory.get("/organization/list-team-members?teamId=" + teamB).assertError(400, "USER_IS_NOT_A_MEMBER_OF_THE_TEAM");
        mallory.postJson("/organization/add-team-member", Map.of("teamId", teamB, "userId", eve)).assertError(400, "TEAM_NOT_FOUND");
        mallory.postJson("/organization/add-team-member", Map.of("teamId", teamB, "userId", userId(carol)))
                .assertError(400, "USER_IS_NOT_A_MEMBER_OF_THE_ORGANIZATION");
        mallory.postJson("/organization/add-team-member", Map.of("teamId", teamB, "userId", eve, "organizationId", orgB))
                .assertError(400, "USER_IS_NOT_A_MEMBER_OF_THE_ORGANIZATION");
        mallory.postJson("/organization/remove-team-member", Map.of("teamId", teamB, "userId", userId(carol)))
                .assertError(400, "USER_IS_NOT_A_MEMBER_OF_THE_ORGANIZATION");
        mallory.postJson("/organization/remove-team-member", Map.of("teamId", teamB, "userId", userId(carol), "organizationId", orgB))
                .assertError(400, "USER_IS_NOT_A_MEMBER_OF_THE_ORGANIZATION");
        mallory.get("/organization/list-user-teams?userId=" + userId(carol)).assertError(400, "USER_IS_NOT_A_MEMBER_OF_THE_ORGANIZATION");
        mallory.get("/organization/list-user-teams?userId=" + userId(carol) + "&organizationId=" + orgB)
                .assertError(403, "YOU_ARE_NOT_A_MEMBER_OF_THIS_ORGANIZATION");
        mallory.get("/organization/list-user-teams?organizationId=" + orgB).assertError(403, "YOU_ARE_NOT_A_MEMBER_OF_THIS_ORGANIZATION");
        mallory.postJson("/organization/invite-member", Map.of("email", "zed@example.com", "role", "member", "teamId", teamB))
                .assertError(400, "TEAM_NOT_FOUND");
        mallory.postJson("/organization/create-team", Map.of("name", "planted", "organizationId", orgB))
                .assertError(403, "YOU_ARE_NOT_ALLOWED_TO_INVITE_USERS_TO_THIS_ORGANIZATION");

        JsonNode teams = bob.get("/organization/list-teams").json();
        assertThat(teams.findValuesAsString("name")).containsExactlyInAnyOrder("B", "B-red");
        assertThat(bob.get("/organization/list-team-members?teamId=" + teamB).assertStatus(400).status()).isEqualTo(400);
        assertThat(carol.get("/organization/list-team-members?teamId=" + teamB).assertStatus(200).json()
                .findValuesAsString("userId")).containsExactly(userId(carol));
        organizationBIsUnchanged();
    }

    @SqliteAndPostgres
    void storedRolesOfAnotherOrganizationCannotBeSeenUsedOrChanged(TestDatabase database) {
        setUp(database, OrganizationRoleTest.options());
        String roleB = bob.postJson("/organization/create-role", Map.of("role", "auditor",
                "permission", Map.of("member", List.of("delete")))).assertStatus(200).json().get("roleData").get("id").asString();

        mallory.get("/organization/list-roles?organizationId=" + orgB).assertError(403, "YOU_ARE_NOT_A_MEMBER_OF_THIS_ORGANIZATION");
        assertThat(mallory.get("/organization/list-roles").assertStatus(200).json()).isEmpty();
        mallory.get("/organization/get-role?roleId=" + roleB).assertError(400, "ROLE_NOT_FOUND");
        mallory.get("/organization/get-role?roleName=auditor&organizationId=" + orgB).assertError(403, "YOU_ARE_NOT_A_MEMBER_OF_THIS_ORGANIZATION");
        mallory.postJson("/organization/update-role", Map.of("roleId", roleB, "data", Map.of("permission", Map.of("member", List.of("create")))))
                .assertError(400, "ROLE_NOT_FOUND");
        mallory.postJson("/organization/update-role", Map.of("organizationId", orgB, "roleId", roleB, "data", Map.of("roleName", "x")))
                .assertError(403, "YOU_ARE_NOT_A_MEMBER_OF_THIS_ORGANIZATION");
        mallory.postJson("/organization/delete-role", Map.of("roleId", roleB)).assertError(400, "ROLE_NOT_FOUND");
        mallory.postJson("/organization/delete-role", Map.of("organizationId", orgB, "roleName", "auditor"))
                .assertError(403, "YOU_ARE_NOT_A_MEMBER_OF_THIS_ORGANIZATION");
        mallory.postJson("/organization/create-role", Map.of("organizationId", orgB, "role", "spy",
                "permission", Map.of("member", List.of("delete")))).assertError(403, "YOU_ARE_NOT_A_MEMBER_OF_THIS_ORGANIZATION");
        // B's role name means nothing in A: it cannot be assigned there, nor does it grant anything.
        String malloryMember = mallory.get("/organization/get-active-member").json().get("id").asString();
        String eveMember = null;
        for (JsonNode member : mallory.get("/organization/list-members").json().get("members")) {
            if (!member.get("id").asString().equals(malloryMember)) {
                eveMember = member.get("id").asString();
            }
        }
        mallory.postJson("/organization/update-member-role", Map.of("memberId", eveMember, "role", "auditor"))
                .assertError(400, "ROLE_NOT_FOUND");
        mallory.postJson("/organization/invite-member", Map.of("email", "zed@example.com", "role", "auditor"))
                .assertError(400, "ROLE_NOT_FOUND");

        JsonNode role = bob.get("/organization/get-role?roleId=" + roleB).assertStatus(200).json();
        assertThat(role.get("role").asString()).isEqualTo("auditor");
        assertThat(role.get("permission").get("member").get(0).asString()).isEqualTo("delete");
        organizationBIsUnchanged();
    }
}
