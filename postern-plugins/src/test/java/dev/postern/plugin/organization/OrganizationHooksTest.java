package dev.postern.plugin.organization;

import static dev.postern.plugin.organization.Orgs.addMember;
import static dev.postern.plugin.organization.Orgs.start;
import static dev.postern.plugin.organization.Orgs.user;
import static dev.postern.plugin.organization.Orgs.userId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.postern.error.ApiException;
import dev.postern.http.Status;
import dev.postern.store.Row;
import dev.postern.testkit.TestClient;
import dev.postern.testkit.SqliteAndPostgres;
import dev.postern.testkit.TestDatabase;
import dev.postern.testkit.TestPostern;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.JsonNode;

/** Organization hooks in Java: they adjust what is written, and a refusal leaves nothing half-written. */
class OrganizationHooksTest {

    @SqliteAndPostgres
    void hooksAdjustRefuseAndObserve(TestDatabase database) {
        List<String> events = new CopyOnWriteArrayList<>();
        OrganizationHooks hooks = new OrganizationHooks() {
            @Override
            public Optional<Map<String, Object>> beforeCreateOrganization(Map<String, Object> organization, Row user) {
                return Optional.of(Map.of("metadata", Map.of("createdBy", user.string("email"))));
            }

            @Override
            public Optional<Map<String, Object>> beforeAddMember(Map<String, Object> member, Row user, Map<String, Object> organization) {
                if (String.valueOf(user.string("email")).startsWith("blocked")) {
                    throw new ApiException(Status.FORBIDDEN, "NO_SEATS", "Buy more seats");
                }
                return Optional.empty();
            }

            @Override
            public void afterAddMember(Row member, Row user, Map<String, Object> organization) {
                events.add("added " + user.string("email") + " as " + member.string("role"));
            }

            @Override
            public Optional<Map<String, Object>> beforeCreateInvitation(Map<String, Object> invitation, Row inviter,
                                                                         Map<String, Object> organization) {
                if (String.valueOf(invitation.get("email")).endsWith("@competitor.example")) {
                    throw new ApiException(Status.BAD_REQUEST, "NOT_ALLOWED", "No competitors");
                }
                return Optional.empty();
            }

            @Override
            public void afterAcceptInvitation(Row invitation, Row member, Row user, Map<String, Object> organization) {
                events.add("accepted " + user.string("email"));
            }

            @Override
            public void afterDeleteOrganization(Map<String, Object> organization, Row user) {
                events.add("deleted " + organization.get("slug"));
            }
        };
        try (TestPostern auth = start(database, OrganizationOptions.builder().hooks(hooks).build())) {
            TestClient ada = user(auth, "ada@example.com");
            JsonNode org = Orgs.create(ada, "Acme", "acme");
            assertThat(org.get("metadata").get("createdBy").asString()).isEqualTo("ada@example.com");

            // The creator is refused a seat: the organization is not created either.
            TestClient blocked = user(auth, "blocked@example.com");
            blocked.postJson("/organization/create", Map.of("name", "Nope", "slug", "nope")).assertError(403, "NO_SEATS");
            ada.postJson("/organization/check-slug", Map.of("slug", "nope")).assertStatus(200);
            assertThat(blocked.get("/organization/list").json()).isEmpty();

            addMember(auth, userId(user(auth, "bob@example.com")), org.get("id").asString(), "member");
            ada.postJson("/organization/invite-member", Map.of("email", "eve@competitor.example", "role", "member"))
                    .assertError(400, "NOT_ALLOWED");
            assertThat(ada.get("/organization/list-invitations").json()).isEmpty();
            String invitation = ada.postJson("/organization/invite-member", Map.of("email", "cy@example.com", "role", "admin"))
                    .assertStatus(200).json().get("id").asString();
            user(auth, "cy@example.com").postJson("/organization/accept-invitation", Map.of("invitationId", invitation))
                    .assertStatus(200);
            ada.postJson("/organization/delete", Map.of("organizationId", org.get("id").asString())).assertStatus(200);

            assertThat(events).containsExactly("added ada@example.com as owner", "added bob@example.com as member",
                    "accepted cy@example.com", "deleted acme");
        }
    }

    @SqliteAndPostgres
    void teamHooksAdjustRefuseAndObserve(TestDatabase database) {
        List<String> events = new CopyOnWriteArrayList<>();
        OrganizationHooks hooks = new OrganizationHooks() {
            @Override
            public Optional<Map<String, Object>> beforeCreateTeam(Map<String, Object> team, Row user, Map<String, Object> organization) {
                return Optional.of(Map.of("name", team.get("name") + " team"));
            }

            @Override
            public void afterCreateTeam(Row team, Row user, Map<String, Object> organization) {
                events.add("created " + team.string("name"));
            }

            @Override
            public void beforeDeleteTeam(Row team, Row user, Map<String, Object> organization) {
                if (team.string("name").startsWith("Keep")) {
                    throw new ApiException(Status.BAD_REQUEST, "KEEP_IT", "This team stays");
                }
            }

            @Override
            public void afterAddTeamMember(Row teamMember, Row team, Row user, Map<String, Object> organization) {
                events.add("joined " + team.string("name") + ": " + user.string("email"));
            }
        };
        OrganizationOptions options = OrganizationOptions.builder().hooks(hooks).teams(OrganizationOptions.Teams.on()).build();
        try (TestPostern auth = start(database, options)) {
            TestClient ada = user(auth, "ada@example.com");
            String orgId = Orgs.create(ada, "Acme", "acme").get("id").asString();
            String keep = ada.postJson("/organization/create-team", Map.of("name", "Keep")).assertStatus(200).json().get("id").asString();
            TestClient bob = user(auth, "bob@example.com");
            addMember(auth, userId(bob), orgId, "member");
            ada.postJson("/organization/add-team-member", Map.of("teamId", keep, "userId", userId(bob))).assertStatus(200);

            ada.postJson("/organization/remove-team", Map.of("teamId", keep)).assertError(400, "KEEP_IT");

            assertThat(ada.get("/organization/list-teams").json().findValuesAsString("name"))
                    .containsExactlyInAnyOrder("Acme team", "Keep team");
            assertThat(ada.get("/organization/list-team-members?teamId=" + keep).assertStatus(400).status()).isEqualTo(400);
            assertThat(bob.get("/organization/list-user-teams").json().findValuesAsString("id")).containsExactly(keep);
            assertThat(events).containsExactly("created Acme team", "created Keep team", "joined Keep team: bob@example.com");
        }
    }
}
