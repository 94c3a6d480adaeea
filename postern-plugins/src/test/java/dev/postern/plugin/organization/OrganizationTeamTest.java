package dev.postern.plugin.organization;

import static dev.postern.plugin.organization.Orgs.addMember;
import static dev.postern.plugin.organization.Orgs.start;
import static dev.postern.plugin.organization.Orgs.user;
import static dev.postern.plugin.organization.Orgs.userId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.postern.testkit.TestClient;
import dev.postern.testkit.SqliteAndPostgres;
import dev.postern.testkit.TestDatabase;
import dev.postern.testkit.TestPostern;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Teams ({@code teams.enabled}): default team, CRUD, active team, team members and limits. */
class OrganizationTeamTest {

    private static String activeTeamId(TestClient client) {
        JsonNode value = client.get("/get-session").json().get("session").get("activeTeamId");
        return value == null || value.isNull() ? null : value.asString();
    }

    @SqliteAndPostgres
    void creatingAnOrganizationMakesADefaultTeamWithTheCreator(TestDatabase database) {
        try (TestPostern auth = start(database, OrganizationOptions.builder().teams(OrganizationOptions.Teams.on()).build())) {
            TestClient ada = user(auth, "ada@example.com");
            String orgId = Orgs.create(ada, "Acme", "acme").get("id").asString();

            JsonNode teams = ada.get("/organization/list-teams").assertStatus(200).json();
            assertThat(teams).hasSize(1);
            JsonNode team = teams.get(0);
            assertThat(team.get("name").asString()).isEqualTo("Acme");
            assertThat(team.get("organizationId").asString()).isEqualTo(orgId);
            assertThat(team.has("memberCount")).isFalse();
            // better-auth writes no updatedAt for the default team.
            assertThat(team.get("updatedAt").isNull()).isTrue();
            assertThat(activeTeamId(ada)).isEqualTo(team.get("id").asString());
            JsonNode members = ada.get("/organization/list-team-members").assertStatus(200).json();
            assertThat(members).hasSize(1);
            assertThat(members.get(0).get("userId").asString()).isEqualTo(userId(ada));
            assertThat(members.get(0).has("membershipKey")).isFalse();
            assertThat(ada.get("/organization/get-full-organization").json().get("teams")).hasSize(1);
        }
    }

    @SqliteAndPostgres
    void teamsAreManagedWithinTheirLimits(TestDatabase database) {
        OrganizationOptions options = OrganizationOptions.builder()
                .teams(new OrganizationOptions.Teams(true, false, 2, 1, false)).build();
        try (TestPostern auth = start(database, options)) {
            TestClient ada = user(auth, "ada@example.com");
            TestClient bob = user(auth, "bob@example.com");
            TestClient cy = user(auth, "cy@example.com");
            String orgId = Orgs.create(ada, "Acme", "acme").get("id").asString();
            assertThat(ada.get("/organization/list-teams").json()).isEmpty();
            addMember(auth, userId(bob), orgId, "member");
            addMember(auth, userId(cy), orgId, "member");

            JsonNode red = ada.postJson("/organization/create-team", Map.of("name", "Red")).assertStatus(200).json();
            assertThat(red.get("updatedAt").asString()).endsWith("Z");
            String redId = red.get("id").asString();
            ada.postJson("/organization/create-team", Map.of("name", "Blue")).assertStatus(200);
            ada.postJson("/organization/create-team", Map.of("name", "Green"))
                    .assertError(400, "YOU_HAVE_REACHED_THE_MAXIMUM_NUMBER_OF_TEAMS");
            bob.postJson("/organization/create-team", Map.of("name", "Mine", "organizationId", orgId))
                    .assertError(403, "YOU_ARE_NOT_ALLOWED_TO_CREATE_TEAMS_IN_THIS_ORGANIZATION");

            JsonNode renamed = ada.postJson("/organization/update-team", Map.of("teamId", redId, "data", Map.of("name", "Crimson")))
                    .assertStatus(200).json();
            assertThat(renamed.get("name").asString()).isEqualTo("Crimson");

            JsonNode added = ada.postJson("/organization/add-team-member", Map.of("teamId", redId, "userId", userId(bob)))
                    .assertStatus(200).json();
            assertThat(added.get("teamId").asString()).isEqualTo(redId);
            ada.postJson("/organization/add-team-member", Map.of("teamId", redId, "userId", userId(cy)))
                    .assertError(403, "TEAM_MEMBER_LIMIT_REACHED");
            bob.postJson("/organization/set-active", Map.of("organizationId", orgId)).assertStatus(200);
            assertThat(bob.postJson("/organization/set-active-team", Map.of("teamId", redId)).assertStatus(200)
                    .json().get("name").asString()).isEqualTo("Crimson");
            assertThat(activeTeamId(bob)).isEqualTo(redId);
            assertThat(bob.get("/organization/list-user-teams").json().findValuesAsString("id")).containsExactly(redId);
            assertThat(ada.get("/organization/list-user-teams?userId=" + userId(bob)).json().findValuesAsString("id"))
                    .containsExactly(redId);
            bob.get("/organization/list-user-teams?userId=" + userId(cy)).assertError(403, "YOU_ARE_NOT_ALLOWED_TO_UPDATE_THIS_MEMBER");
            cy.postJson("/organization/set-active", Map.of("organizationId", orgId)).assertStatus(200);
            cy.postJson("/organization/set-active-team", Map.of("teamId", redId)).assertError(403, "USER_IS_NOT_A_MEMBER_OF_THE_TEAM");
            cy.get("/organization/list-team-members?teamId=" + redId).assertError(400, "USER_IS_NOT_A_MEMBER_OF_THE_TEAM");

            assertThat(ada.postJson("/organization/remove-team-member", Map.of("teamId", redId, "userId", userId(bob)))
                    .assertStatus(200).json().get("message").asString()).isEqualTo("Team member removed successfully.");
            ada.postJson("/organization/remove-team-member", Map.of("teamId", redId, "userId", userId(bob)))
                    .assertError(400, "USER_IS_NOT_A_MEMBER_OF_THE_TEAM");
            ada.postJson("/organization/add-team-member", Map.of("teamId", redId, "userId", userId(cy))).assertStatus(200);

            assertThat(ada.postJson("/organization/remove-team", Map.of("teamId", redId)).assertStatus(200)
                    .json().get("message").asString()).isEqualTo("Team removed successfully.");
            String blueId = ada.get("/organization/list-teams").json().get(0).get("id").asString();
            ada.postJson("/organization/remove-team", Map.of("teamId", blueId)).assertError(400, "UNABLE_TO_REMOVE_LAST_TEAM");
            bob.postJson("/organization/set-active-team", java.util.Collections.singletonMap("teamId", null)).assertStatus(200);
            assertThat(activeTeamId(bob)).isNull();
        }
    }

    @SqliteAndPostgres
    void anInvitationIntoATeamJoinsItOnAccept(TestDatabase database) {
        try (TestPostern auth = start(database, OrganizationOptions.builder().teams(OrganizationOptions.Teams.on()).build())) {
            TestClient ada = user(auth, "ada@example.com");
            Orgs.create(ada, "Acme", "acme");
            String teamId = ada.postJson("/organization/create-team", Map.of("name", "Red")).json().get("id").asString();
            String invitation = ada.postJson("/organization/invite-member", Map.of("email", "bob@example.com",
                    "role", "member", "teamId", teamId)).assertStatus(200).json().get("id").asString();
            ada.postJson("/organization/invite-member", Map.of("email", "cy@example.com", "role", "member",
                    "teamId", "nope")).assertError(400, "TEAM_NOT_FOUND");

            TestClient bob = user(auth, "bob@example.com");
            bob.postJson("/organization/accept-invitation", Map.of("invitationId", invitation)).assertStatus(200);

            assertThat(activeTeamId(bob)).isEqualTo(teamId);
            assertThat(bob.get("/organization/list-team-members").json().findValuesAsString("userId")).containsExactly(userId(bob));
            // Leaving the organization leaves its teams.
            ada.postJson("/organization/add-team-member", Map.of("teamId", teamId, "userId", userId(ada))).assertStatus(200);
            bob.postJson("/organization/leave", Map.of("organizationId", ada.get("/organization/list").json().get(0).get("id").asString()))
                    .assertStatus(200);
            assertThat(ada.get("/organization/list-team-members?teamId=" + teamId).assertStatus(200).json()
                    .findValuesAsString("userId")).containsExactly(userId(ada));
            assertThat(bob.get("/organization/list-user-teams").json()).isEmpty();
        }
    }
}
