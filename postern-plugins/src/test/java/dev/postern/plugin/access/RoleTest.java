package dev.postern.plugin.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Permission checks answer as better-auth's {@code role().authorize}, messages included. */
class RoleTest {

    @Test
    void theDefaultOrganizationRolesGrantWhatBetterAuthsDo() {
        assertThat(OrganizationAccess.OWNER.authorize(Map.of("organization", ActionRequest.all("delete"))).success()).isTrue();
        assertThat(OrganizationAccess.ADMIN.authorize(Map.of("organization", ActionRequest.all("delete"))))
                .isEqualTo(new Role.Decision(false, "unauthorized to access resource \"organization\""));
        assertThat(OrganizationAccess.ADMIN.authorize(Map.of("member", ActionRequest.all("create", "delete"))).success()).isTrue();
        assertThat(OrganizationAccess.MEMBER.authorize(Map.of("ac", ActionRequest.all("read"))).success()).isTrue();
        assertThat(OrganizationAccess.MEMBER.authorize(Map.of("invitation", ActionRequest.all("create"))).success()).isFalse();
    }

    @Test
    void actionsCombineWithAndByDefaultAndWithOrWhenAsked() {
        Role editor = Role.of(Map.of("project", List.of("create", "share")));

        assertThat(editor.authorize(Map.of("project", ActionRequest.all("create", "delete"))).success()).isFalse();
        assertThat(editor.authorize(Map.of("project", ActionRequest.any("create", "delete"))).success()).isTrue();
        assertThat(editor.authorize(Map.of("project", ActionRequest.all())))
                .isEqualTo(new Role.Decision(false, "unauthorized to access resource \"project\""));
    }

    @Test
    void resourcesCombineWithAndUnlessTheConnectorIsOr() {
        Role editor = Role.of(Map.of("project", List.of("create")));
        Map<String, ActionRequest> request = new LinkedHashMap<>();
        request.put("billing", ActionRequest.all("read"));
        request.put("project", ActionRequest.all("create"));

        assertThat(editor.authorize(request, Connector.AND))
                .isEqualTo(new Role.Decision(false, "You are not allowed to access resource: billing"));
        assertThat(editor.authorize(request, Connector.OR).success()).isTrue();
        assertThat(editor.authorize(Map.of("billing", ActionRequest.all("read")), Connector.OR))
                .isEqualTo(new Role.Decision(false, "Not authorized"));
    }

    @Test
    void aRequestBodyIsReadInBothOfBetterAuthsShapes() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("member", List.of("create"));
        body.put("team", Map.of("actions", List.of("update", "delete"), "connector", "OR"));

        Map<String, ActionRequest> request = Permissions.parse(body).orElseThrow();

        assertThat(request.get("member")).isEqualTo(ActionRequest.all("create"));
        assertThat(request.get("team")).isEqualTo(ActionRequest.any("update", "delete"));
        assertThat(Permissions.parse(Map.of("member", "create"))).isEmpty();
        assertThat(Permissions.parse(List.of("member"))).isEmpty();
        assertThat(Permissions.anyAllows(Permissions.roleNames("member, admin"), OrganizationAccess.defaultRoles(), request)).isTrue();
        assertThat(Permissions.anyAllows(Permissions.roleNames("member"), OrganizationAccess.defaultRoles(), request)).isFalse();
        assertThat(Permissions.anyAllows(Permissions.roleNames("ghost"), OrganizationAccess.defaultRoles(), request)).isFalse();
    }

    @Test
    void theDefaultAdminRoleMayNotImpersonateOtherAdmins() {
        assertThat(AdminAccess.ADMIN.authorize(Map.of("user", ActionRequest.all("impersonate"))).success()).isTrue();
        assertThat(AdminAccess.ADMIN.authorize(Map.of("user", ActionRequest.all("impersonate-admins"))).success()).isFalse();
        assertThat(AdminAccess.USER.authorize(Map.of("user", ActionRequest.all("list"))).success()).isFalse();
    }
}
