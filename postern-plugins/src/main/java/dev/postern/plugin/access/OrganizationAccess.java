package dev.postern.plugin.access;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The organization plugin's default statements and roles, as better-auth 1.7.25 defines them: {@code owner}
 * may do everything, {@code admin} everything but delete the organization, {@code member} only read roles.
 */
public final class OrganizationAccess {
    public static final AccessControl STATEMENTS = AccessControl.of(ordered(
            "organization", List.of("update", "delete"),
            "member", List.of("create", "update", "delete"),
            "invitation", List.of("create", "cancel"),
            "team", List.of("create", "update", "delete"),
            "ac", List.of("create", "read", "update", "delete")));

    public static final Role OWNER = STATEMENTS.newRole(STATEMENTS.statements());
    public static final Role ADMIN = STATEMENTS.newRole(ordered(
            "organization", List.of("update"),
            "invitation", List.of("create", "cancel"),
            "member", List.of("create", "update", "delete"),
            "team", List.of("create", "update", "delete"),
            "ac", List.of("create", "read", "update", "delete")));
    public static final Role MEMBER = STATEMENTS.newRole(ordered(
            "organization", List.of(), "member", List.of(), "invitation", List.of(), "team", List.of(),
            "ac", List.of("read")));

    private OrganizationAccess() {
    }

    /** {@code admin}, {@code owner} and {@code member}. */
    public static Map<String, Role> defaultRoles() {
        Map<String, Role> roles = new LinkedHashMap<>();
        roles.put("admin", ADMIN);
        roles.put("owner", OWNER);
        roles.put("member", MEMBER);
        return java.util.Collections.unmodifiableMap(roles);
    }

    static Map<String, List<String>> ordered(Object... pairs) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            @SuppressWarnings("unchecked")
            List<String> actions = (List<String>) pairs[i + 1];
            map.put((String) pairs[i], actions);
        }
        return map;
    }
}
