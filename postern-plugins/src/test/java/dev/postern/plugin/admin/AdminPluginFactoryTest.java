package dev.postern.plugin.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AdminPluginFactoryTest {

    @Test
    void readsBetterAuthOptionNamesAndAddsYamlRolesToTheDefaults() {
        AdminPlugin plugin = (AdminPlugin) new AdminPluginFactory().create(Map.of(
                "defaultRole", "member",
                "adminEmails", "Ops@Example.com, boss@example.com",
                "defaultBanExpiresIn", 60,
                "impersonationSessionDuration", 600,
                "allowImpersonatingAdmins", true,
                "roles", Map.of("member", Map.of(), "support", Map.of("user", List.of("list", "get")))));

        AdminOptions options = plugin.options();
        assertThat(options.defaultRole()).isEqualTo("member");
        assertThat(options.adminEmails()).containsExactly("ops@example.com", "boss@example.com");
        assertThat(options.defaultBanExpiresIn()).isEqualTo(Duration.ofMinutes(1));
        assertThat(options.impersonationSessionDuration()).isEqualTo(Duration.ofMinutes(10));
        assertThat(options.allowImpersonatingAdmins()).isTrue();
        assertThat(options.roles()).containsOnlyKeys("admin", "user", "member", "support");
        assertThat(options.roles().get("support").statements()).containsEntry("user", List.of("list", "get"));
    }

    @Test
    void refusesUnknownOptionsAndAdminRolesThatAreNotRoles() {
        assertThatThrownBy(() -> new AdminPluginFactory().create(Map.of("adminRole", "admin")))
                .hasMessageContaining("unknown option");
        assertThatThrownBy(() -> new AdminPluginFactory().create(Map.of("adminRoles", List.of("owner"))))
                .hasMessageContaining("Invalid admin roles: owner");
    }
}
