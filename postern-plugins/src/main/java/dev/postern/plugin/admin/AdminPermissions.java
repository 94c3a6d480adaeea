package dev.postern.plugin.admin;

import dev.postern.endpoint.EndpointContext;
import dev.postern.error.ErrorCode;
import dev.postern.http.Status;
import dev.postern.plugin.access.ActionRequest;
import dev.postern.plugin.access.Permissions;
import dev.postern.session.Session;
import java.util.List;
import java.util.Map;

/**
 * Who may do what in the admin plugin, as better-auth's {@code hasPermission}: a user listed in
 * {@code adminUserIds} may do everything; anyone else is allowed when one of their roles (the
 * comma-separated {@code role} column, or {@code defaultRole} when it is empty) grants the request.
 */
final class AdminPermissions {
    private final AdminOptions options;

    AdminPermissions(AdminOptions options) {
        this.options = options;
    }

    boolean allows(String userId, String role, Map<String, ActionRequest> request) {
        if (userId != null && options.adminUserIds().contains(userId)) {
            return true;
        }
        String column = role == null || role.isEmpty() ? options.defaultRole() : role;
        return Permissions.anyAllows(Permissions.roleNames(column), options.effectiveRoles(), request);
    }

    boolean allows(Session session, String resource, String action) {
        return allows(session.userId(), session.user().string("role"), Map.of(resource, ActionRequest.all(action)));
    }

    /**
     * The caller's session, read from storage rather than a cookie cache (as better-auth's admin middleware
     * does), when it may do {@code action} on {@code resource}: 401 without a session, 403 {@code refusal}
     * without the permission.
     */
    Session require(EndpointContext ctx, String resource, String action, ErrorCode refusal) {
        Session session = ctx.postern().sessions().requireSensitive(ctx);
        check(session, resource, action, refusal);
        return session;
    }

    void check(Session session, String resource, String action, ErrorCode refusal) {
        if (!allows(session, resource, action)) {
            throw refusal.toException(Status.FORBIDDEN);
        }
    }

    /** Whether the user holds an admin role or is listed in {@code adminUserIds}: the ones impersonation protects. */
    boolean isAdmin(String userId, String role) {
        String column = role == null || role.isEmpty() ? options.defaultRole() : role;
        List<String> names = Permissions.roleNames(column);
        return names.stream().anyMatch(options.adminRoles()::contains) || options.adminUserIds().contains(userId);
    }
}
