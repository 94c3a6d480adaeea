package dev.postern.plugin.organization;

import static dev.postern.plugin.organization.Orgs.addMember;
import static dev.postern.plugin.organization.Orgs.create;
import static dev.postern.plugin.organization.Orgs.start;
import static dev.postern.plugin.organization.Orgs.user;
import static dev.postern.plugin.organization.Orgs.userId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.postern.testkit.SqliteAndPostgres;
import dev.postern.testkit.TestClient;
import dev.postern.testkit.TestDatabase;
import dev.postern.testkit.TestPostern;
import java.util.List;
import java.util.Map;

/** {@link OrganizationPlugin#memberAccess}: a member's roles and what they grant, as has-permission sees them. */
class OrganizationMemberAccessTest {

    @SqliteAndPostgres
    void memberAccessGrantsWhatHasPermissionAllowsStoredRolesIncluded(TestDatabase database) {
        OrganizationOptions options = OrganizationRoleTest.options();
        try (TestPostern auth = start(database, options)) {
            OrganizationPlugin plugin = auth.postern().plugin(OrganizationPlugin.class).orElseThrow();
            TestClient ada = user(auth, "ada@example.com");
            TestClient bob = user(auth, "bob@example.com");
            String acme = create(ada, "Acme", "acme").get("id").asString();
            String bobMember = addMember(auth, userId(bob), acme, "member").get("id").asString();
            ada.postJson("/organization/create-role", Map.of("role", "editor",
                    "permission", Map.of("project", List.of("share")))).assertStatus(200);
            ada.postJson("/organization/update-member-role", Map.of("memberId", bobMember,
                    "role", List.of("member", "editor"))).assertStatus(200);
            // A role of the same name in an organization Bob is not in grants him nothing in Acme.
            String other = create(ada, "Other", "other").get("id").asString();
            ada.postJson("/organization/create-role", Map.of("organizationId", other, "role", "editor",
                    "permission", Map.of("project", List.of("delete")))).assertStatus(200);

            MemberAccess access = plugin.memberAccess(auth.postern(), userId(bob), acme).orElseThrow();
            assertThat(access.memberId()).isEqualTo(bobMember);
            assertThat(access.roles()).containsExactly("member", "editor");
            assertThat(access.permissions()).isEqualTo(Map.of("ac", List.of("read"), "project", List.of("share")));
            options.ac().statements().forEach((resource, actions) -> actions.forEach(action -> {
                boolean allowed = bob.postJson("/organization/has-permission", Map.of("organizationId", acme,
                        "permissions", Map.of(resource, List.of(action)))).assertStatus(200).json().get("success").asBoolean();
                assertThat(access.allows(resource, action)).as(resource + ":" + action).isEqualTo(allowed);
            }));

            assertThat(plugin.memberAccess(auth.postern(), userId(ada), acme).orElseThrow().allows("project", "delete")).isTrue();
            assertThat(plugin.memberAccess(auth.postern(), userId(bob), other)).isEmpty();
            assertThat(plugin.memberAccess(auth.postern(), userId(bob), null)).isEmpty();
        }
    }
}
