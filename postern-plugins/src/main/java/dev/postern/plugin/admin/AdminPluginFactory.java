package dev.postern.plugin.admin;

import dev.postern.plugin.Plugin;
import dev.postern.plugin.PluginFactory;
import dev.postern.plugin.access.AdminAccess;
import dev.postern.plugin.access.Role;
import dev.postern.plugin.options.PluginOptions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Enables {@link AdminPlugin} in the standalone server ({@code POSTERN_PLUGINS=admin}), with
 * better-auth's option names:
 * <pre>{@code
 * plugins:
 *   admin:
 *     defaultRole: user
 *     adminRoles: [admin]
 *     adminUserIds: []
 *     adminEmails: [ops@example.com]       # or POSTERN_ADMIN_EMAILS=ops@example.com
 *     bannedUserMessage: "..."
 *     defaultBanReason: "..."
 *     defaultBanExpiresIn: 604800          # seconds
 *     impersonationSessionDuration: 3600   # seconds
 *     allowImpersonatingAdmins: false
 *     roles:                               # added to admin and user (redefine them by name)
 *       support: { user: [list, get], session: [list] }
 * }</pre>
 */
public final class AdminPluginFactory implements PluginFactory {
    @Override
    public String id() {
        return AdminPlugin.ID;
    }

    @Override
    public String description() {
        return "User management for admins: create, list, ban, impersonate, set roles; role-based permissions";
    }

    @Override
    public Plugin create(Map<String, Object> raw) {
        Map<String, Object> rest = new LinkedHashMap<>(raw);
        Object rolesSection = rest.remove("roles");
        PluginOptions options = PluginOptions.of(rest);
        AdminOptions.Builder builder = AdminOptions.builder()
                .defaultRole(options.string("defaultRole", "user"))
                .adminUserIds(options.strings("adminUserIds"))
                .adminEmails(options.strings("adminEmails"))
                .bannedUserMessage(options.string("bannedUserMessage", AdminOptions.DEFAULT_BANNED_USER_MESSAGE))
                .defaultBanReason(options.string("defaultBanReason", null))
                .defaultBanExpiresIn(options.seconds("defaultBanExpiresIn", null))
                .impersonationSessionDuration(options.seconds("impersonationSessionDuration", Duration.ofHours(1)))
                .allowImpersonatingAdmins(options.bool("allowImpersonatingAdmins", false));
        List<String> adminRoles = options.strings("adminRoles");
        if (!adminRoles.isEmpty()) {
            builder.adminRoles(adminRoles);
        }
        if (rolesSection != null) {
            builder.roles(roles(rolesSection));
        }
        options.rejectUnknown();
        return new AdminPlugin(builder.build());
    }

    /** {@code {name: {resource: [actions]}}}, over better-auth's {@code admin} and {@code user}. */
    private static Map<String, Role> roles(Object section) {
        if (!(section instanceof Map<?, ?> byName)) {
            throw new IllegalArgumentException("roles: expected roles as name: {resource: [actions]}, was \"" + section + "\"");
        }
        Map<String, Role> roles = new LinkedHashMap<>(AdminAccess.defaultRoles());
        byName.forEach((name, statements) -> {
            if (!(statements instanceof Map<?, ?> byResource)) {
                throw new IllegalArgumentException("roles." + name + ": expected resource: [actions], was \"" + statements + "\"");
            }
            Map<String, List<String>> granted = new LinkedHashMap<>();
            byResource.forEach((resource, actions) -> {
                if (!(actions instanceof List<?> list) || !list.stream().allMatch(String.class::isInstance)) {
                    throw new IllegalArgumentException("roles." + name + "." + resource
                            + ": expected a list of actions, was \"" + actions + "\"");
                }
                granted.put(resource.toString(), list.stream().map(String.class::cast).toList());
            });
            roles.put(name.toString(), AdminAccess.STATEMENTS.newRole(granted));
        });
        return roles;
    }
}
