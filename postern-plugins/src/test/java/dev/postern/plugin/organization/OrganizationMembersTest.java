package dev.postern.plugin.organization;

import static dev.postern.plugin.organization.Orgs.activeOrganizationId;
import static dev.postern.plugin.organization.Orgs.addMember;
import static dev.postern.plugin.organization.Orgs.create;
import static dev.postern.plugin.organization.Orgs.start;
import static dev.postern.plugin.organization.Orgs.user;
import static dev.postern.plugin.organization.Orgs.userId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.postern.PosternApi.ApiCall;
import dev.postern.error.ApiException;
import dev.postern.testkit.TestClient;
import dev.postern.testkit.SqliteAndPostgres;
import dev.postern.testkit.TestDatabase;
import dev.postern.testkit.TestPostern;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Members of an organization: add (server only), list, roles, remove, leave, limits. */
class OrganizationMembersTest {

    @SqliteAndPostgres
    void addMemberIsServerOnlyAndChecksTheMembership(TestDatabase database) {
        try (TestPostern auth = start(database, OrganizationOptions.builder().membershipLimit(2).build())) {
            TestClient ada = user(auth, "ada@example.com");
            TestClient bob = user(auth, "bob@example.com");
            TestClient cy = user(auth, "cy@example.com");
            String id = create(ada, "Acme", "acme").get("id").asString();
            // Not routed over HTTP.
            assertThat(ada.postJson("/organization/add-member", Map.of("userId", userId(bob), "role", "member")).status())
                    .isEqualTo(404);

            JsonNode member = addMember(auth, userId(bob), id, "admin, member");

            assertThat(member.get("role").asString()).isEqualTo("admin,member");
            assertThat(member.get("organizationId").asString()).isEqualTo(id);
            assertThatThrownBy(() -> addMember(auth, userId(bob), id, "member")).isInstanceOfSatisfying(ApiException.class,
                    e -> assertThat(e.code()).isEqualTo("USER_IS_ALREADY_A_MEMBER_OF_THIS_ORGANIZATION"));
            assertThatThrownBy(() -> addMember(auth, userId(cy), id, "member")).isInstanceOfSatisfying(ApiException.class,
                    e -> assertThat(e.code()).isEqualTo("ORGANIZATION_MEMBERSHIP_LIMIT_REACHED"));
            assertThatThrownBy(() -> addMember(auth, "no-such-user", id, "member")).isInstanceOfSatisfying(ApiException.class,
                    e -> assertThat(e.code()).isEqualTo("USER_NOT_FOUND"));
            assertThatThrownBy(() -> auth.postern().api().call("addMember", ApiCall.body(Map.of("userId", userId(cy),
                    "role", "member")))).isInstanceOfSatisfying(ApiException.class,
                    e -> assertThat(e.code()).isEqualTo("NO_ACTIVE_ORGANIZATION"));
        }
    }

    @SqliteAndPostgres
    void listMembersPagesSortsAndFilters(TestDatabase database) {
        try (TestPostern auth = start(database, OrganizationOptions.defaults())) {
            TestClient ada = user(auth, "ada@example.com");
            String id = create(ada, "Acme", "acme").get("id").asString();
            addMember(auth, userId(user(auth, "bob@example.com")), id, "admin");
            addMember(auth, userId(user(auth, "cy@example.com")), id, "member");

            JsonNode all = ada.get("/organization/list-members").assertStatus(200).json();
            assertThat(all.get("total").asInt()).isEqualTo(3);
            assertThat(all.get("members")).hasSize(3);
            assertThat(all.get("members").get(0).get("user").get("email").asString()).isNotBlank();

            JsonNode page = ada.get("/organization/list-members?limit=1&offset=1&sortBy=role&sortDirection=asc").json();
            assertThat(page.get("total").asInt()).isEqualTo(3);
            assertThat(page.get("members")).hasSize(1);
            assertThat(page.get("members").get(0).get("role").asString()).isEqualTo("member");

            JsonNode admins = ada.get("/organization/list-members?organizationId=" + id
                    + "&filterField=role&filterOperator=eq&filterValue=admin").json();
            assertThat(admins.get("total").asInt()).isEqualTo(1);
            assertThat(admins.get("members").get(0).get("user").get("email").asString()).isEqualTo("bob@example.com");
            assertThat(ada.get("/organization/list-members?organizationSlug=acme&filterField=role&filterOperator=in&filterValue=owner,member")
                    .json().get("total").asInt()).isEqualTo(2);
            ada.get("/organization/list-members?filterField=password").assertStatus(400);
            ada.get("/organization/list-members?organizationSlug=nope").assertError(400, "ORGANIZATION_NOT_FOUND");
        }
    }

    @SqliteAndPostgres
    void activeMemberAndRoles(TestDatabase database) {
        try (TestPostern auth = start(database, OrganizationOptions.defaults())) {
            TestClient ada = user(auth, "ada@example.com");
            TestClient bob = user(auth, "bob@example.com");
            TestClient cy = user(auth, "cy@example.com");
            String id = create(ada, "Acme", "acme").get("id").asString();
            String bobMember = addMember(auth, userId(bob), id, "admin").get("id").asString();
            String cyMember = addMember(auth, userId(cy), id, "member").get("id").asString();

            JsonNode active = ada.get("/organization/get-active-member").assertStatus(200).json();
            assertThat(active.get("role").asString()).isEqualTo("owner");
            assertThat(active.get("user").get("email").asString()).isEqualTo("ada@example.com");
            bob.get("/organization/get-active-member").assertError(400, "NO_ACTIVE_ORGANIZATION");
            assertThat(bob.get("/organization/get-active-member-role?organizationId=" + id).json().get("role").asString())
                    .isEqualTo("admin");
            assertThat(ada.get("/organization/get-active-member-role?userId=" + userId(cy)).json().get("role").asString())
                    .isEqualTo("member");

            // An admin may not hand out or take away the creator role.
            bob.postJson("/organization/update-member-role", Map.of("organizationId", id, "memberId", cyMember,
                    "role", "owner")).assertError(403, "YOU_ARE_NOT_ALLOWED_TO_UPDATE_THIS_MEMBER");
            cy.postJson("/organization/update-member-role", Map.of("organizationId", id, "memberId", bobMember,
                    "role", "member")).assertError(403, "YOU_ARE_NOT_ALLOWED_TO_UPDATE_THIS_MEMBER");
            dev.postern.testkit.TestResponse rejected = bob.postJson("/organization/update-member-role", Map.of("organizationId", id,
                    "memberId", cyMember, "role", List.of("admin", "boss"))).assertError(400, "ROLE_NOT_FOUND");
            assertThat(rejected.json().get("message").asString()).isEqualTo("ROLE_NOT_FOUND: boss");
            JsonNode updated = bob.postJson("/organization/update-member-role", Map.of("organizationId", id,
                    "memberId", cyMember, "role", List.of("admin"))).assertStatus(200).json();
            assertThat(updated.get("role").asString()).isEqualTo("admin");
            // The only owner cannot demote itself.
            ada.postJson("/organization/update-member-role", Map.of("memberId", active.get("id").asString(),
                    "role", "admin")).assertError(400, "YOU_CANNOT_LEAVE_THE_ORGANIZATION_WITHOUT_AN_OWNER");
        }
    }

    @SqliteAndPostgres
    void removeAndLeave(TestDatabase database) {
        try (TestPostern auth = start(database, OrganizationOptions.defaults())) {
            TestClient ada = user(auth, "ada@example.com");
            TestClient bob = user(auth, "bob@example.com");
            TestClient cy = user(auth, "cy@example.com");
            String id = create(ada, "Acme", "acme").get("id").asString();
            String adaMember = ada.get("/organization/get-active-member").json().get("id").asString();
            addMember(auth, userId(bob), id, "member");
            String cyMember = addMember(auth, userId(cy), id, "member").get("id").asString();

            bob.postJson("/organization/remove-member", Map.of("organizationId", id, "memberIdOrEmail", cyMember))
                    .assertError(401, "YOU_ARE_NOT_ALLOWED_TO_DELETE_THIS_MEMBER");
            bob.postJson("/organization/remove-member", Map.of("organizationId", id, "memberIdOrEmail", adaMember))
                    .assertError(400, "YOU_CANNOT_LEAVE_THE_ORGANIZATION_AS_THE_ONLY_OWNER");
            JsonNode removed = ada.postJson("/organization/remove-member", Map.of("memberIdOrEmail", "CY@example.com"))
                    .assertStatus(200).json();
            assertThat(removed.get("member").get("id").asString()).isEqualTo(cyMember);
            assertThat(cy.get("/organization/list").json()).isEmpty();
            ada.postJson("/organization/remove-member", Map.of("memberIdOrEmail", cyMember)).assertError(400, "MEMBER_NOT_FOUND");

            ada.postJson("/organization/leave", Map.of("organizationId", id))
                    .assertError(400, "YOU_CANNOT_LEAVE_THE_ORGANIZATION_AS_THE_ONLY_OWNER");
            bob.postJson("/organization/set-active", Map.of("organizationId", id)).assertStatus(200);
            JsonNode left = bob.postJson("/organization/leave", Map.of("organizationId", id)).assertStatus(200).json();
            assertThat(left.get("user").get("email").asString()).isEqualTo("bob@example.com");
            assertThat(activeOrganizationId(bob)).isNull();
            bob.postJson("/organization/leave", Map.of("organizationId", id)).assertError(400, "MEMBER_NOT_FOUND");
        }
    }
}
