package dev.postern.plugin.organization;

import static dev.postern.plugin.organization.Orgs.addMember;
import static dev.postern.plugin.organization.Orgs.create;
import static dev.postern.plugin.organization.Orgs.start;
import static dev.postern.plugin.organization.Orgs.user;
import static dev.postern.plugin.organization.Orgs.userId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.postern.plugin.access.OrganizationAccess;
import dev.postern.plugin.access.Role;
import java.util.LinkedHashMap;
import dev.postern.testkit.TestClient;
import dev.postern.testkit.SqliteAndPostgres;
import dev.postern.testkit.TestDatabase;
import dev.postern.testkit.TestPostern;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Dynamic access control: roles stored per organization and honoured by every permission check. */
class OrganizationRoleTest {

    /** Statements with a {@code project} resource, and owner and admin roles that may do everything with it. */
    static OrganizationOptions options() {
        Map<String, List<String>> project = Map.of("project", List.of("create", "share", "delete"));
        Map<String, Role> roles = new LinkedHashMap<>(OrganizationAccess.defaultRoles());
        for (String name : List.of("owner", "admin")) {
            Map<String, List<String>> statements = new LinkedHashMap<>(roles.get(name).statements());
            statements.putAll(project);
            roles.put(name, Role.of(statements));
        }
        return OrganizationOptions.builder()
                .roles(roles)
                .ac(OrganizationAccess.STATEMENTS.extend(project))
                .dynamicAccessControl(new OrganizationOptions.DynamicAccessControl(true, 2))
                .build();
    }

    @SqliteAndPostgres
    void storedRolesAreCreatedListedUsedUpdatedAndDeleted(TestDatabase database) {
        try (TestPostern auth = start(database, options())) {
            TestClient ada = user(auth, "ada@example.com");
            TestClient bob = user(auth, "bob@example.com");
            String orgId = create(ada, "Acme", "acme").get("id").asString();
            String bobMember = addMember(auth, userId(bob), orgId, "member").get("id").asString();

            JsonNode created = ada.postJson("/organization/create-role", Map.of("role", "Editor",
                    "permission", Map.of("project", List.of("create", "share"), "invitation", List.of("create"))))
                    .assertStatus(200).json();
            assertThat(created.get("success").asBoolean()).isTrue();
            assertThat(created.get("roleData").get("role").asString()).isEqualTo("editor");
            assertThat(created.get("roleData").get("permission").get("project")).hasSize(2);
            assertThat(created.get("roleData").get("updatedAt").isNull()).isTrue();
            String roleId = created.get("roleData").get("id").asString();
            ada.postJson("/organization/create-role", Map.of("role", "editor", "permission", Map.of("project", List.of("share"))))
                    .assertError(400, "ROLE_NAME_IS_ALREADY_TAKEN");
            ada.postJson("/organization/create-role", Map.of("role", "admin", "permission", Map.of("project", List.of("share"))))
                    .assertError(400, "ROLE_NAME_IS_ALREADY_TAKEN");
            ada.postJson("/organization/create-role", Map.of("role", "x", "permission", Map.of("billing", List.of("pay"))))
                    .assertError(400, "INVALID_RESOURCE");
            bob.postJson("/organization/create-role", Map.of("organizationId", orgId, "role", "x",
                    "permission", Map.of("project", List.of("share")))).assertError(403, "YOU_ARE_NOT_ALLOWED_TO_CREATE_A_ROLE");

            assertThat(ada.get("/organization/list-roles").assertStatus(200).json()).hasSize(1);
            assertThat(bob.get("/organization/list-roles?organizationId=" + orgId).assertStatus(200).json()).hasSize(1);
            assertThat(ada.get("/organization/get-role?roleName=editor").json().get("id").asString()).isEqualTo(roleId);
            ada.get("/organization/get-role?roleId=nope").assertError(400, "ROLE_NOT_FOUND");

            // The stored role is assignable and honoured by has-permission and by the endpoints' checks.
            ada.postJson("/organization/update-member-role", Map.of("memberId", bobMember, "role", "editor")).assertStatus(200);
            Map<String, Object> share = Map.of("organizationId", orgId, "permissions", Map.of("project", List.of("share")));
            assertThat(bob.postJson("/organization/has-permission", share).json().get("success").asBoolean()).isTrue();
            bob.postJson("/organization/invite-member", Map.of("organizationId", orgId, "email", "cy@example.com",
                    "role", "member")).assertStatus(200);
            ada.postJson("/organization/invite-member", Map.of("email", "dan@example.com", "role", "editor")).assertStatus(200);

            JsonNode updated = ada.postJson("/organization/update-role", Map.of("roleId", roleId,
                    "data", Map.of("permission", Map.of("project", List.of("delete")), "roleName", "Writer")))
                    .assertStatus(200).json();
            assertThat(updated.get("roleData").get("role").asString()).isEqualTo("writer");
            assertThat(updated.get("roleData").get("updatedAt").asString()).endsWith("Z");
            assertThat(bob.postJson("/organization/has-permission", share).json().get("success").asBoolean()).isFalse();

            ada.postJson("/organization/update-member-role", Map.of("memberId", bobMember, "role", "writer")).assertStatus(200);
            ada.postJson("/organization/delete-role", Map.of("roleName", "writer")).assertError(400, "ROLE_IS_ASSIGNED_TO_MEMBERS");
            ada.postJson("/organization/delete-role", Map.of("roleName", "owner")).assertError(400, "CANNOT_DELETE_A_PRE_DEFINED_ROLE");
            ada.postJson("/organization/update-member-role", Map.of("memberId", bobMember, "role", "member")).assertStatus(200);
            assertThat(ada.postJson("/organization/delete-role", Map.of("roleId", roleId)).assertStatus(200)
                    .json().get("success").asBoolean()).isTrue();
            assertThat(ada.get("/organization/list-roles").json()).isEmpty();
            ada.postJson("/organization/update-member-role", Map.of("memberId", bobMember, "role", "writer"))
                    .assertError(400, "ROLE_NOT_FOUND");
        }
    }

    @SqliteAndPostgres
    void aMemberCannotGrantWhatItLacksNorExceedTheLimit(TestDatabase database) {
        try (TestPostern auth = start(database, options())) {
            TestClient ada = user(auth, "ada@example.com");
            TestClient bob = user(auth, "bob@example.com");
            String orgId = create(ada, "Acme", "acme").get("id").asString();
            addMember(auth, userId(bob), orgId, "admin");
            // An admin may create roles but not grant deleting the organization, which it cannot do itself.
            bob.postJson("/organization/create-role", Map.of("organizationId", orgId, "role", "destroyer",
                    "permission", Map.of("organization", List.of("delete")))).assertError(403, "YOU_ARE_NOT_ALLOWED_TO_CREATE_A_ROLE");
            ada.postJson("/organization/create-role", Map.of("role", "one", "permission", Map.of("project", List.of("share"))))
                    .assertStatus(200);
            ada.postJson("/organization/create-role", Map.of("role", "two", "permission", Map.of("project", List.of("share"))))
                    .assertStatus(200);
            ada.postJson("/organization/create-role", Map.of("role", "three", "permission", Map.of("project", List.of("share"))))
                    .assertError(400, "TOO_MANY_ROLES");
        }
    }
}
