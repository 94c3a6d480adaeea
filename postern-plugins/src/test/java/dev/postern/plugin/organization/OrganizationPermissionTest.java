package dev.postern.plugin.organization;

import static dev.postern.plugin.organization.Orgs.addMember;
import static dev.postern.plugin.organization.Orgs.create;
import static dev.postern.plugin.organization.Orgs.start;
import static dev.postern.plugin.organization.Orgs.user;
import static dev.postern.plugin.organization.Orgs.userId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.postern.plugin.access.OrganizationAccess;
import dev.postern.plugin.access.Role;
import dev.postern.testkit.TestClient;
import dev.postern.testkit.SqliteAndPostgres;
import dev.postern.testkit.TestDatabase;
import dev.postern.testkit.TestPostern;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** {@code POST /organization/has-permission} with the default roles and with custom roles. */
class OrganizationPermissionTest {

    private static boolean allowed(TestClient client, Map<String, ?> body) {
        JsonNode answer = client.postJson("/organization/has-permission", body).assertStatus(200).json();
        assertThat(answer.get("error").isNull()).isTrue();
        return answer.get("success").asBoolean();
    }

    @SqliteAndPostgres
    void defaultRolesAnswerAsBetterAuths(TestDatabase database) {
        try (TestPostern auth = start(database, OrganizationOptions.defaults())) {
            TestClient ada = user(auth, "ada@example.com");
            TestClient bob = user(auth, "bob@example.com");
            TestClient cy = user(auth, "cy@example.com");
            String id = create(ada, "Acme", "acme").get("id").asString();
            addMember(auth, userId(bob), id, "admin");
            addMember(auth, userId(cy), id, "member");

            assertThat(allowed(ada, Map.of("permissions", Map.of("organization", List.of("delete"))))).isTrue();
            assertThat(allowed(bob, Map.of("organizationId", id, "permissions", Map.of("organization", List.of("delete"))))).isFalse();
            assertThat(allowed(bob, Map.of("organizationId", id, "permissions",
                    Map.of("member", List.of("create", "delete"), "invitation", List.of("create"))))).isTrue();
            assertThat(allowed(cy, Map.of("organizationId", id, "permissions", Map.of("ac", List.of("read"))))).isTrue();
            assertThat(allowed(cy, Map.of("organizationId", id, "permission", Map.of("invitation", List.of("create"))))).isFalse();

            ada.postJson("/organization/has-permission", Map.of()).assertError(400, "VALIDATION_ERROR");
            ada.postJson("/organization/has-permission", Map.of("permission", Map.of("ac", List.of("read")),
                    "permissions", Map.of("ac", List.of("read")))).assertError(400, "VALIDATION_ERROR");
            bob.postJson("/organization/has-permission", Map.of("permissions", Map.of("ac", List.of("read"))))
                    .assertError(400, "NO_ACTIVE_ORGANIZATION");
            auth.client().postJson("/organization/has-permission", Map.of("permissions", Map.of("ac", List.of("read"))))
                    .assertError(401, "UNAUTHORIZED");
        }
    }

    @SqliteAndPostgres
    void customRolesFromJavaOptions(TestDatabase database) {
        Map<String, Role> roles = new LinkedHashMap<>(OrganizationAccess.defaultRoles());
        roles.put("editor", Role.of(Map.of("project", List.of("create", "share"))));
        try (TestPostern auth = start(database, OrganizationOptions.builder().roles(roles).build())) {
            TestClient ada = user(auth, "ada@example.com");
            TestClient bob = user(auth, "bob@example.com");
            String id = create(ada, "Acme", "acme").get("id").asString();
            String bobMember = addMember(auth, userId(bob), id, "member").get("id").asString();

            ada.postJson("/organization/update-member-role", Map.of("memberId", bobMember, "role", "editor")).assertStatus(200);

            Map<String, Object> share = Map.of("organizationId", id, "permissions", Map.of("project", List.of("share")));
            assertThat(allowed(bob, share)).isTrue();
            assertThat(allowed(bob, Map.of("organizationId", id, "permissions", Map.of("project", List.of("delete"))))).isFalse();
            assertThat(allowed(bob, Map.of("organizationId", id, "permissions",
                    Map.of("project", Map.of("actions", List.of("delete", "share"), "connector", "OR"))))).isTrue();
            assertThat(allowed(ada, share)).isFalse();
        }
    }
}
