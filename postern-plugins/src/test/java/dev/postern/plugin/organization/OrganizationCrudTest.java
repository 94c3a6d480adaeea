package dev.postern.plugin.organization;

import static dev.postern.plugin.organization.Orgs.activeOrganizationId;
import static dev.postern.plugin.organization.Orgs.addMember;
import static dev.postern.plugin.organization.Orgs.create;
import static dev.postern.plugin.organization.Orgs.start;
import static dev.postern.plugin.organization.Orgs.user;
import static dev.postern.plugin.organization.Orgs.userId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.postern.PosternApi.ApiCall;
import dev.postern.testkit.TestClient;
import dev.postern.testkit.SqliteAndPostgres;
import dev.postern.testkit.TestDatabase;
import dev.postern.testkit.TestPostern;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/** better-auth's organization endpoints (wire reference §12 "organization"): create, slug, update, delete, get, list. */
class OrganizationCrudTest {

    @SqliteAndPostgres
    void createMakesTheCreatorOwnerAndTheOrganizationActive(TestDatabase database) {
        try (TestPostern auth = start(database, OrganizationOptions.defaults())) {
            TestClient ada = user(auth, "ada@example.com");
            JsonNode org = ada.postJson("/organization/create", Map.of("name", "Acme", "slug", "acme",
                    "metadata", Map.of("plan", "pro"))).assertStatus(200).json();

            assertThat(org.get("name").asString()).isEqualTo("Acme");
            assertThat(org.get("slug").asString()).isEqualTo("acme");
            assertThat(org.get("metadata").get("plan").asString()).isEqualTo("pro");
            assertThat(org.get("createdAt").asString()).endsWith("Z");
            JsonNode member = org.get("members").get(0);
            assertThat(member.get("role").asString()).isEqualTo("owner");
            assertThat(member.get("userId").asString()).isEqualTo(userId(ada));
            assertThat(member.get("organizationId").asString()).isEqualTo(org.get("id").asString());
            assertThat(activeOrganizationId(ada)).isEqualTo(org.get("id").asString());

            ada.postJson("/organization/check-slug", Map.of("slug", "acme")).assertError(400, "ORGANIZATION_SLUG_ALREADY_TAKEN");
            assertThat(ada.postJson("/organization/check-slug", Map.of("slug", "free")).assertStatus(200)
                    .json().get("status").asBoolean()).isTrue();
            ada.postJson("/organization/create", Map.of("name", "Other", "slug", "acme")).assertError(400, "ORGANIZATION_ALREADY_EXISTS");
            ada.postJson("/organization/create", Map.of("name", "", "slug", "x")).assertError(400, "VALIDATION_ERROR");
            auth.client().postJson("/organization/create", Map.of("name", "A", "slug", "a")).assertError(401, "UNAUTHORIZED");

            JsonNode second = ada.postJson("/organization/create", Map.of("name", "Beta", "slug", "beta",
                    "keepCurrentActiveOrganization", true)).assertStatus(200).json();
            assertThat(second.has("metadata")).isFalse();
            assertThat(activeOrganizationId(ada)).isEqualTo(org.get("id").asString());

            JsonNode list = ada.get("/organization/list").assertStatus(200).json();
            assertThat(list).hasSize(2);
            // Reads answer the stored metadata text, as better-auth does.
            JsonNode acme = list.get(0).get("slug").asString().equals("acme") ? list.get(0) : list.get(1);
            assertThat(acme.get("metadata").asString()).isEqualTo("{\"plan\":\"pro\"}");
            assertThat(user(auth, "bob@example.com").get("/organization/list").json()).isEmpty();
        }
    }

    @SqliteAndPostgres
    void creationObeysTheLimitsAndTheCreationSwitch(TestDatabase database) {
        try (TestPostern auth = start(database, OrganizationOptions.builder().organizationLimit(1).build())) {
            TestClient ada = user(auth, "ada@example.com");
            create(ada, "One", "one");
            ada.postJson("/organization/create", Map.of("name", "Two", "slug", "two"))
                    .assertError(403, "YOU_HAVE_REACHED_THE_MAXIMUM_NUMBER_OF_ORGANIZATIONS");
        }
        try (TestPostern auth = start(database, OrganizationOptions.builder().allowUserToCreateOrganization(false).build())) {
            TestClient ada = user(auth, "ada@example.com");
            ada.postJson("/organization/create", Map.of("name", "One", "slug", "one"))
                    .assertError(403, "YOU_ARE_NOT_ALLOWED_TO_CREATE_A_NEW_ORGANIZATION");
            // The server may create one for a user.
            JsonNode org = auth.postern().api().call("createOrganization", ApiCall.body(Map.of("name", "One",
                    "slug", "one", "userId", userId(ada)))).json();
            assertThat(org.get("members").get(0).get("userId").asString()).isEqualTo(userId(ada));
            assertThat(ada.get("/organization/list").json()).hasSize(1);
        }
    }

    @SqliteAndPostgres
    void getFullOrganizationAndSetActive(TestDatabase database) {
        try (TestPostern auth = start(database, OrganizationOptions.defaults())) {
            TestClient ada = user(auth, "ada@example.com");
            TestClient bob = user(auth, "bob@example.com");
            String id = create(ada, "Acme", "acme").get("id").asString();
            addMember(auth, userId(bob), id, "member");

            JsonNode full = ada.get("/organization/get-full-organization").assertStatus(200).json();
            assertThat(full.get("id").asString()).isEqualTo(id);
            assertThat(full.get("members")).hasSize(2);
            assertThat(full.get("members").findValuesAsString("email")).containsExactlyInAnyOrder("ada@example.com", "bob@example.com");
            assertThat(full.get("invitations")).isEmpty();
            assertThat(ada.get("/organization/get-full-organization?organizationSlug=acme&membersLimit=1").json()
                    .get("members")).hasSize(1);
            assertThat(ada.get("/organization/get-organization?organizationId=" + id).json().get("slug").asString())
                    .isEqualTo("acme");

            // Bob has no active organization yet: reads answer null.
            assertThat(bob.get("/organization/get-full-organization").assertStatus(200).body()).isEqualTo("null");
            JsonNode active = bob.postJson("/organization/set-active", Map.of("organizationSlug", "acme")).assertStatus(200).json();
            assertThat(active.get("id").asString()).isEqualTo(id);
            assertThat(activeOrganizationId(bob)).isEqualTo(id);
            bob.postJson("/organization/set-active", java.util.Collections.singletonMap("organizationId", null)).assertStatus(200);
            assertThat(activeOrganizationId(bob)).isNull();
            bob.postJson("/organization/set-active", Map.of("organizationId", "nope")).assertError(403,
                    "USER_IS_NOT_A_MEMBER_OF_THE_ORGANIZATION");
            bob.postJson("/organization/set-active", Map.of("organizationSlug", "nope")).assertError(400, "ORGANIZATION_NOT_FOUND");
        }
    }

    @SqliteAndPostgres
    void updateAndDeleteFollowTheRoles(TestDatabase database) {
        try (TestPostern auth = start(database, OrganizationOptions.defaults())) {
            TestClient ada = user(auth, "ada@example.com");
            TestClient bob = user(auth, "bob@example.com");
            TestClient cy = user(auth, "cy@example.com");
            String id = create(ada, "Acme", "acme").get("id").asString();
            create(ada, "Taken", "taken");
            addMember(auth, userId(bob), id, "admin");
            addMember(auth, userId(cy), id, "member");

            JsonNode updated = ada.postJson("/organization/update", Map.of("organizationId", id, "data",
                    Map.of("name", "Acme Inc", "metadata", Map.of("tier", 2)))).assertStatus(200).json();
            assertThat(updated.get("name").asString()).isEqualTo("Acme Inc");
            assertThat(updated.get("metadata").get("tier").asInt()).isEqualTo(2);
            ada.postJson("/organization/update", Map.of("organizationId", id, "data", Map.of("slug", "taken")))
                    .assertError(400, "ORGANIZATION_SLUG_ALREADY_TAKEN");
            cy.postJson("/organization/update", Map.of("organizationId", id, "data", Map.of("name", "Mine")))
                    .assertError(403, "YOU_ARE_NOT_ALLOWED_TO_UPDATE_THIS_ORGANIZATION");
            bob.postJson("/organization/update", Map.of("organizationId", id, "data", Map.of("name", "Bob's")))
                    .assertStatus(200);
            bob.postJson("/organization/delete", Map.of("organizationId", id))
                    .assertError(403, "YOU_ARE_NOT_ALLOWED_TO_DELETE_THIS_ORGANIZATION");
            ada.postJson("/organization/set-active", Map.of("organizationId", id)).assertStatus(200);

            JsonNode deleted = ada.postJson("/organization/delete", Map.of("organizationId", id)).assertStatus(200).json();

            assertThat(deleted.get("id").asString()).isEqualTo(id);
            assertThat(activeOrganizationId(ada)).isNull();
            assertThat(bob.get("/organization/list").json()).isEmpty();
            assertThat(ada.get("/organization/list").json()).hasSize(1);
            ada.get("/organization/get-organization?organizationId=" + id).assertError(400, "ORGANIZATION_NOT_FOUND");
        }
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = {"SQLITE"})
    void deletionCanBeDisabled(TestDatabase database) {
        try (TestPostern auth = start(database, OrganizationOptions.builder().disableOrganizationDeletion(true).build())) {
            TestClient ada = user(auth, "ada@example.com");
            String id = create(ada, "Acme", "acme").get("id").asString();
            ada.postJson("/organization/delete", Map.of("organizationId", id)).assertError(404, "ORGANIZATION_DELETION_DISABLED");
        }
    }
}
