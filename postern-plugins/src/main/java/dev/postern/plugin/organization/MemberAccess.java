package dev.postern.plugin.organization;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A user's standing in one organization, from {@link OrganizationPlugin#memberAccess}.
 *
 * @param organizationId the organization
 * @param memberId the user's member row in it
 * @param roles the member's roles ({@code "admin,editor"} in the column is two)
 * @param permissions resource → actions the roles grant together, configured and stored roles alike;
 *     a resource with no action is absent
 */
public record MemberAccess(String organizationId, String memberId, List<String> roles,
                           Map<String, List<String>> permissions) {
    public MemberAccess {
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(memberId, "memberId");
        roles = List.copyOf(roles);
        Map<String, List<String>> copy = new LinkedHashMap<>();
        permissions.forEach((resource, actions) -> copy.put(resource, List.copyOf(actions)));
        permissions = java.util.Collections.unmodifiableMap(copy);
    }

    /** Whether the roles grant {@code action} on {@code resource}. */
    public boolean allows(String resource, String action) {
        return permissions.getOrDefault(resource, List.of()).contains(action);
    }
}
