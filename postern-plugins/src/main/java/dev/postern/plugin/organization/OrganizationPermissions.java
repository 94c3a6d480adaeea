package dev.postern.plugin.organization;

import dev.postern.error.ApiException;
import dev.postern.http.Status;
import dev.postern.json.Json;
import dev.postern.plugin.access.ActionRequest;
import dev.postern.plugin.access.OrganizationAccess;
import dev.postern.plugin.access.Permissions;
import dev.postern.plugin.access.Role;
import dev.postern.store.Query;
import dev.postern.store.Row;
import dev.postern.store.Where;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * better-auth's organization {@code hasPermission}: a member's roles (comma-separated) are looked up among
 * the configured roles and, with dynamic access control, the roles stored for <em>that</em> organization
 * (their permissions merged over a static role of the same name); the member is allowed when any one role
 * allows the whole request. Roles stored for another organization never count.
 */
final class OrganizationPermissions {
    private final OrganizationOptions options;

    OrganizationPermissions(OrganizationOptions options) {
        this.options = options;
    }

    boolean allows(OrganizationData data, String roleColumn, String organizationId,
                   Map<String, ActionRequest> request) {
        return allows(data, roleColumn, organizationId, request, false);
    }

    /**
     * @param allowCreatorAllPermissions the creator role passes without a check (better-auth does this for
     *     update-member-role only)
     */
    boolean allows(OrganizationData data, String roleColumn, String organizationId,
                   Map<String, ActionRequest> request, boolean allowCreatorAllPermissions) {
        List<String> roles = Permissions.roleNames(roleColumn);
        if (allowCreatorAllPermissions && roles.contains(options.creatorRole())) {
            return true;
        }
        return Permissions.anyAllows(roles, rolesOf(data, organizationId), request);
    }

    /** The roles in force in an organization: configured ones plus, if enabled, its stored ones. */
    Map<String, Role> rolesOf(OrganizationData data, String organizationId) {
        Map<String, Role> roles = new LinkedHashMap<>(options.roles());
        if (!options.dynamicAccessControl().enabled() || organizationId == null) {
            return roles;
        }
        for (Row stored : data.store().findMany(OrganizationSchema.ORGANIZATION_ROLE,
                Query.where(Where.eq("organizationId", organizationId)))) {
            Map<String, List<String>> merged = new LinkedHashMap<>();
            Role base = roles.get(stored.string("role"));
            if (base != null) {
                merged.putAll(base.statements());
            }
            permissionOf(stored).forEach((resource, actions) -> {
                Set<String> union = new LinkedHashSet<>(merged.getOrDefault(resource, List.of()));
                union.addAll(actions);
                merged.put(resource, new ArrayList<>(union));
            });
            roles.put(stored.string("role"), Role.of(merged));
        }
        return roles;
    }

    /** The {@code permission} column of a stored role, refusing rows that are not resource → actions. */
    static Map<String, List<String>> permissionOf(Row stored) {
        try {
            Object parsed = Json.convert(Json.parse(stored.string("permission")), Object.class);
            Map<String, List<String>> out = new LinkedHashMap<>();
            if (parsed instanceof Map<?, ?> map) {
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    if (!(entry.getValue() instanceof List<?> list) || !list.stream().allMatch(String.class::isInstance)) {
                        throw invalid(stored);
                    }
                    out.put(String.valueOf(entry.getKey()), list.stream().map(String.class::cast).toList());
                }
                return out;
            }
        } catch (ApiException e) {
            throw e;
        } catch (RuntimeException notJson) {
            throw invalid(stored);
        }
        throw invalid(stored);
    }

    private static ApiException invalid(Row stored) {
        return ApiException.message(Status.INTERNAL_SERVER_ERROR, "Invalid permissions for role " + stored.string("role"));
    }

    /** Role names that need no stored role: the defaults and the configured ones. */
    Set<String> staticRoleNames() {
        Set<String> names = new LinkedHashSet<>(OrganizationAccess.defaultRoles().keySet());
        names.addAll(options.roles().keySet());
        return names;
    }

    /** The unknown role names among {@code requested}, for a {@code ROLE_NOT_FOUND: a, b} answer. */
    List<String> unknownRoles(OrganizationData data, String organizationId, List<String> requested) {
        Set<String> known = staticRoleNames();
        List<String> unknown = requested.stream().filter(r -> !known.contains(r)).toList();
        if (unknown.isEmpty() || !options.dynamicAccessControl().enabled()) {
            return unknown;
        }
        Set<String> stored = new LinkedHashSet<>();
        data.store().findMany(OrganizationSchema.ORGANIZATION_ROLE, Query.where(
                Where.eq("organizationId", organizationId).and("role", dev.postern.store.Operator.IN, unknown)))
                .forEach(r -> stored.add(r.string("role")));
        return unknown.stream().filter(r -> !stored.contains(r)).toList();
    }

    static ApiException roleNotFound(List<String> unknown) {
        return new ApiException(Status.BAD_REQUEST, OrganizationErrorCodes.ROLE_NOT_FOUND.code(),
                OrganizationErrorCodes.ROLE_NOT_FOUND.code() + ": " + String.join(", ", unknown));
    }
}
