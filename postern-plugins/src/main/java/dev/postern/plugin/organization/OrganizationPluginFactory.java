package dev.postern.plugin.organization;

import dev.postern.plugin.Plugin;
import dev.postern.plugin.PluginFactory;
import dev.postern.plugin.access.OrganizationAccess;
import dev.postern.plugin.access.Role;
import dev.postern.plugin.options.PluginOptions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Enables {@link OrganizationPlugin} in the standalone server ({@code POSTERN_PLUGINS=organization}) with
 * better-auth's option names. {@code roles}, as in better-auth, replace the default roles: list
 * {@code owner}, {@code admin} and {@code member} too to keep them.
 * <pre>{@code
 * plugins:
 *   organization:
 *     allowUserToCreateOrganization: true
 *     organizationLimit: 5              # absent: unlimited
 *     creatorRole: owner
 *     membershipLimit: 100
 *     invitationExpiresIn: 172800       # seconds
 *     invitationLimit: 100
 *     cancelPendingInvitationsOnReInvite: false
 *     requireEmailVerificationOnInvitation: false
 *     disableOrganizationDeletion: false
 *     invitationUrl: "{origin}/accept-invitation/{id}"   # the app's accept page, mailed in invitations
 *     roles:
 *       owner:  { organization: [update, delete], member: [create, update, delete], invitation: [create, cancel], team: [create, update, delete], ac: [create, read, update, delete], project: [create, share, delete] }
 *       member: { ac: [read] }
 *       editor: { project: [create, share] }
 *     teams: { enabled: true, defaultTeam: { enabled: true }, maximumTeams: 10, maximumMembersPerTeam: 50, allowRemovingAllTeams: false }
 *     dynamicAccessControl: { enabled: true, maximumRolesPerOrganization: 20 }
 *     ac: { project: [create, share, delete] }   # resources stored roles may grant, beside the defaults
 * }</pre>
 */
public final class OrganizationPluginFactory implements PluginFactory {
    @Override
    public String id() {
        return OrganizationPlugin.ID;
    }

    @Override
    public String description() {
        return "Organizations: members, roles and permissions, invitations, teams, active organization";
    }

    @Override
    public Plugin create(Map<String, Object> raw) {
        PluginOptions options = PluginOptions.of(raw);
        OrganizationOptions.Builder builder = OrganizationOptions.builder()
                .allowUserToCreateOrganization(options.bool("allowUserToCreateOrganization", true))
                .creatorRole(options.string("creatorRole", "owner"))
                .membershipLimit(options.integer("membershipLimit", 100))
                .invitationExpiresIn(options.seconds("invitationExpiresIn", Duration.ofHours(48)))
                .invitationLimit(options.integer("invitationLimit", 100))
                .cancelPendingInvitationsOnReInvite(options.bool("cancelPendingInvitationsOnReInvite", false))
                .requireEmailVerificationOnInvitation(options.bool("requireEmailVerificationOnInvitation", false))
                .disableOrganizationDeletion(options.bool("disableOrganizationDeletion", false))
                .invitationUrl(options.string("invitationUrl", "{origin}/accept-invitation/{id}"));
        int limit = options.integer("organizationLimit", -1);
        if (limit >= 0) {
            builder.organizationLimit(limit);
        }
        Map<String, Role> roles = roles(raw == null ? null : raw.get("roles"), options.section("roles"));
        if (!roles.isEmpty()) {
            builder.roles(roles);
        }
        Map<String, List<String>> statements = statements(raw == null ? null : raw.get("ac"), options.section("ac"));
        if (!statements.isEmpty()) {
            builder.ac(OrganizationAccess.STATEMENTS.extend(statements));
        }
        PluginOptions teams = options.section("teams");
        int maximumTeams = teams.integer("maximumTeams", -1);
        int maximumMembers = teams.integer("maximumMembersPerTeam", -1);
        builder.teams(new OrganizationOptions.Teams(teams.bool("enabled", false),
                teams.section("defaultTeam").bool("enabled", true),
                maximumTeams >= 0 ? maximumTeams : null, maximumMembers >= 0 ? maximumMembers : null,
                teams.bool("allowRemovingAllTeams", false)));
        PluginOptions dynamic = options.section("dynamicAccessControl");
        int maximumRoles = dynamic.integer("maximumRolesPerOrganization", -1);
        builder.dynamicAccessControl(new OrganizationOptions.DynamicAccessControl(dynamic.bool("enabled", false),
                maximumRoles >= 0 ? maximumRoles : null));
        options.rejectUnknown();
        return new OrganizationPlugin(builder.build());
    }

    /** {@code resource: [actions]} pairs; the names come from the raw map, the values through the reader. */
    private static Map<String, List<String>> statements(Object raw, PluginOptions section) {
        Map<String, List<String>> statements = new LinkedHashMap<>();
        if (raw instanceof Map<?, ?> map) {
            for (Object resource : map.keySet()) {
                statements.put(String.valueOf(resource), section.strings(String.valueOf(resource)));
            }
        }
        return statements;
    }

    /** {@code roles: {name: {resource: [actions]}}}; the names come from the raw map, the values through the reader. */
    private static Map<String, Role> roles(Object raw, PluginOptions section) {
        Map<String, Role> roles = new LinkedHashMap<>();
        if (!(raw instanceof Map<?, ?> map)) {
            return roles;
        }
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String name = String.valueOf(entry.getKey());
            roles.put(name, Role.of(statements(entry.getValue(), section.section(name))));
        }
        return roles;
    }
}
