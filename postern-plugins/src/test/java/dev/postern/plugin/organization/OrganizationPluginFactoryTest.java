package dev.postern.plugin.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.postern.plugin.PluginFactory;
import dev.postern.plugin.access.ActionRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** {@code plugins: {organization: {...}}} in postern.yaml, with better-auth's option names. */
class OrganizationPluginFactoryTest {

    private static OrganizationPlugin create(Map<String, Object> yaml) {
        PluginFactory factory = ServiceLoader.load(PluginFactory.class).stream().map(ServiceLoader.Provider::get)
                .filter(f -> f.id().equals("organization")).findFirst().orElseThrow();
        return (OrganizationPlugin) factory.create(yaml);
    }

    @Test
    void defaultsAreBetterAuths() {
        OrganizationOptions options = create(Map.of()).options();
        assertThat(options.creatorRole()).isEqualTo("owner");
        assertThat(options.membershipLimit()).isEqualTo(100);
        assertThat(options.invitationLimit()).isEqualTo(100);
        assertThat(options.invitationExpiresIn()).isEqualTo(Duration.ofHours(48));
        assertThat(options.organizationLimit()).isNull();
        assertThat(options.roles()).containsOnlyKeys("owner", "admin", "member");
        assertThat(options.teams().enabled()).isFalse();
        assertThat(options.dynamicAccessControl().enabled()).isFalse();
    }

    @Test
    void readsEveryOption() {
        OrganizationOptions options = create(Map.ofEntries(
                Map.entry("allowUserToCreateOrganization", false),
                Map.entry("organizationLimit", 3),
                Map.entry("creatorRole", "founder"),
                Map.entry("membershipLimit", 10),
                Map.entry("invitationExpiresIn", 3600),
                Map.entry("invitationLimit", 5),
                Map.entry("cancelPendingInvitationsOnReInvite", true),
                Map.entry("requireEmailVerificationOnInvitation", true),
                Map.entry("roles", Map.of("founder", Map.of("organization", List.of("update", "delete")),
                        "editor", Map.of("project", List.of("create", "share")))),
                Map.entry("ac", Map.of("project", List.of("create", "share"))),
                Map.entry("dynamicAccessControl", Map.of("enabled", true, "maximumRolesPerOrganization", 9)),
                Map.entry("teams", Map.of("enabled", true, "defaultTeam", Map.of("enabled", false), "maximumTeams", 4,
                        "maximumMembersPerTeam", 7, "allowRemovingAllTeams", true)))).options();
        assertThat(options.allowUserToCreateOrganization().test(null)).isFalse();
        assertThat(options.organizationLimit()).isEqualTo(3);
        assertThat(options.creatorRole()).isEqualTo("founder");
        assertThat(options.invitationExpiresIn()).isEqualTo(Duration.ofHours(1));
        assertThat(options.cancelPendingInvitationsOnReInvite()).isTrue();
        assertThat(options.requireEmailVerificationOnInvitation()).isTrue();
        assertThat(options.roles()).containsOnlyKeys("founder", "editor");
        assertThat(options.roles().get("editor").authorize(Map.of("project", ActionRequest.all("share"))).success()).isTrue();
        assertThat(options.ac().statements()).containsKeys("organization", "ac", "project");
        assertThat(options.dynamicAccessControl()).isEqualTo(new OrganizationOptions.DynamicAccessControl(true, 9));
        assertThat(options.teams()).isEqualTo(new OrganizationOptions.Teams(true, false, 4, 7, true));
    }

    @Test
    void refusesUnknownOptions() {
        assertThatThrownBy(() -> create(Map.of("membershipLimt", 3))).hasMessageContaining("membershipLimt");
        assertThatThrownBy(() -> create(Map.of("roles", Map.of("editor", Map.of("project", 3)))))
                .hasMessageContaining("roles.editor.project");
    }
}
