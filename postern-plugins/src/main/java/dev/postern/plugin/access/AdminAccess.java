package dev.postern.plugin.access;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The admin plugin's default statements and roles, as better-auth 1.7.25 defines them: {@code admin} may
 * manage users and sessions (everything but impersonating other admins), {@code user} nothing.
 */
public final class AdminAccess {
    public static final AccessControl STATEMENTS = AccessControl.of(OrganizationAccess.ordered(
            "user", List.of("create", "list", "set-role", "ban", "impersonate", "impersonate-admins", "delete",
                    "set-password", "set-email", "set-phone", "get", "update"),
            "session", List.of("list", "revoke", "delete")));

    public static final Role ADMIN = STATEMENTS.newRole(OrganizationAccess.ordered(
            "user", List.of("create", "list", "set-role", "ban", "impersonate", "delete", "set-password",
                    "set-email", "set-phone", "get", "update"),
            "session", List.of("list", "revoke", "delete")));
    public static final Role USER = STATEMENTS.newRole(OrganizationAccess.ordered("user", List.of(), "session", List.of()));

    private AdminAccess() {
    }

    /** {@code admin} and {@code user}. */
    public static Map<String, Role> defaultRoles() {
        Map<String, Role> roles = new LinkedHashMap<>();
        roles.put("admin", ADMIN);
        roles.put("user", USER);
        return java.util.Collections.unmodifiableMap(roles);
    }
}
