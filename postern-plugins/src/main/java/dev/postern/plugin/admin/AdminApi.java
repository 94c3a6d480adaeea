package dev.postern.plugin.admin;

import dev.postern.Postern;
import dev.postern.PosternApi;
import dev.postern.PosternApi.ApiCall;
import dev.postern.api.ApiResponse;
import dev.postern.api.SessionAndUser;
import dev.postern.api.StatusResponse;
import dev.postern.api.SuccessResponse;
import dev.postern.http.Headers;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Typed Java API for the {@code admin} plugin's endpoints, one method per endpoint and named as it
 * (better-auth's {@code auth.api.listUsers({query, headers})}); {@code headers} carry an admin's session,
 * whose role decides what is allowed. Roles are given as a list (better-auth's string or string array).
 */
public final class AdminApi {
    private final PosternApi api;

    public AdminApi(PosternApi api) {
        this.api = Objects.requireNonNull(api, "api");
    }

    public static AdminApi of(Postern postern) {
        return new AdminApi(postern.api());
    }

    /** A user with the admin plugin's fields; {@code role} is comma-separated when the user has several. */
    public record AdminUser(String id, String name, String email, boolean emailVerified, String image,
                            Instant createdAt, Instant updatedAt, String role, Boolean banned, String banReason,
                            Instant banExpires) {
    }

    public record UserResponse(AdminUser user) {
    }

    /** {@code createUser}'s body; {@code password} may be null (a user without a credential account). */
    public record CreateUserRequest(String email, String password, String name, List<String> role,
                                    Map<String, Object> data) {
        public CreateUserRequest(String email, String password, String name) {
            this(email, password, name, null, null);
        }
    }

    /**
     * {@code listUsers}'s query; null components are left out. {@code searchField} is email or name,
     * {@code searchOperator} contains, starts_with or ends_with, {@code filterOperator} eq, ne, lt, ... .
     */
    public record ListUsersRequest(String searchValue, String searchField, String searchOperator, Integer limit,
                                   Integer offset, String sortBy, String sortDirection, String filterField,
                                   Object filterValue, String filterOperator) {
        /** Every user, in pages of {@code limit} from {@code offset} (either may be null). */
        public static ListUsersRequest page(Integer limit, Integer offset) {
            return new ListUsersRequest(null, null, null, limit, offset, null, null, null, null, null);
        }
    }

    public record ListUsersResponse(List<AdminUser> users, long total, Integer limit, Integer offset) {
    }

    /** An admin's view of a session: who impersonates, when it does. */
    public record AdminSession(String id, String token, String userId, Instant expiresAt, Instant createdAt,
                               Instant updatedAt, String ipAddress, String userAgent, String impersonatedBy) {
    }

    public record SessionsResponse(List<AdminSession> sessions) {
    }

    /** {@code banUser}'s body; {@code banExpiresIn} is seconds, null for the configured default. */
    public record BanUserRequest(String userId, String banReason, Long banExpiresIn) {
    }

    /**
     * {@code userHasPermission}'s body: whose permissions ({@code userId}, or a {@code role}, or the caller's
     * session) and what is asked, resource → actions.
     */
    public record HasPermissionRequest(String userId, String role, Map<String, List<String>> permissions) {
    }

    public record HasPermissionResponse(boolean success, String error) {
    }

    public ApiResponse<UserResponse> setRole(Headers headers, String userId, List<String> role) {
        return api.call("setRole", ApiCall.body(Map.of("userId", userId, "role", role)).withHeaders(headers),
                UserResponse.class);
    }

    public ApiResponse<AdminUser> getUser(Headers headers, String id) {
        return api.call("getUser", ApiCall.empty().withQuery(Map.of("id", id)).withHeaders(headers), AdminUser.class);
    }

    public ApiResponse<UserResponse> createUser(Headers headers, CreateUserRequest request) {
        return api.call("createUser", ApiCall.empty().withBody(request).withHeaders(headers), UserResponse.class);
    }

    /** Sets the user's fields in {@code data} (name, email, image, role, additional fields...). */
    public ApiResponse<AdminUser> adminUpdateUser(Headers headers, String userId, Map<String, Object> data) {
        return api.call("adminUpdateUser", ApiCall.body(Map.of("userId", userId, "data", data)).withHeaders(headers),
                AdminUser.class);
    }

    public ApiResponse<ListUsersResponse> listUsers(Headers headers, ListUsersRequest request) {
        return api.call("listUsers", ApiCall.empty().withQuery(queryOf(request)).withHeaders(headers),
                ListUsersResponse.class);
    }

    public ApiResponse<SessionsResponse> listUserSessions(Headers headers, String userId) {
        return api.call("listUserSessions", ApiCall.body(Map.of("userId", userId)).withHeaders(headers),
                SessionsResponse.class);
    }

    public ApiResponse<UserResponse> unbanUser(Headers headers, String userId) {
        return api.call("unbanUser", ApiCall.body(Map.of("userId", userId)).withHeaders(headers), UserResponse.class);
    }

    /** Bans the user and revokes its sessions. */
    public ApiResponse<UserResponse> banUser(Headers headers, BanUserRequest request) {
        return api.call("banUser", ApiCall.empty().withBody(request).withHeaders(headers), UserResponse.class);
    }

    /** Starts a session as the user; the answer's cookies switch the admin's browser to it. */
    public ApiResponse<SessionAndUser> impersonateUser(Headers headers, String userId) {
        return api.call("impersonateUser", ApiCall.body(Map.of("userId", userId)).withHeaders(headers),
                SessionAndUser.class);
    }

    /** Ends the impersonation {@code headers} carry and restores the admin's session. */
    public ApiResponse<SessionAndUser> stopImpersonating(Headers headers) {
        return api.call("stopImpersonating", ApiCall.empty().withHeaders(headers), SessionAndUser.class);
    }

    public ApiResponse<SuccessResponse> revokeUserSession(Headers headers, String sessionToken) {
        return api.call("revokeUserSession", ApiCall.body(Map.of("sessionToken", sessionToken)).withHeaders(headers),
                SuccessResponse.class);
    }

    public ApiResponse<SuccessResponse> revokeUserSessions(Headers headers, String userId) {
        return api.call("revokeUserSessions", ApiCall.body(Map.of("userId", userId)).withHeaders(headers),
                SuccessResponse.class);
    }

    /** Deletes the user, its sessions and accounts. */
    public ApiResponse<SuccessResponse> removeUser(Headers headers, String userId) {
        return api.call("removeUser", ApiCall.body(Map.of("userId", userId)).withHeaders(headers),
                SuccessResponse.class);
    }

    public ApiResponse<StatusResponse> setUserPassword(Headers headers, String userId, String newPassword) {
        return api.call("setUserPassword",
                ApiCall.body(Map.of("userId", userId, "newPassword", newPassword)).withHeaders(headers),
                StatusResponse.class);
    }

    public ApiResponse<HasPermissionResponse> userHasPermission(Headers headers, HasPermissionRequest request) {
        return api.call("userHasPermission", ApiCall.empty().withBody(request).withHeaders(headers),
                HasPermissionResponse.class);
    }

    /** The query as a client sends it: every value a string (limit and offset are strings in its schema). */
    private static Map<String, Object> queryOf(ListUsersRequest request) {
        Map<String, Object> query = new HashMap<>();
        if (request == null) {
            return query;
        }
        put(query, "searchValue", request.searchValue());
        put(query, "searchField", request.searchField());
        put(query, "searchOperator", request.searchOperator());
        put(query, "limit", request.limit() == null ? null : request.limit().toString());
        put(query, "offset", request.offset() == null ? null : request.offset().toString());
        put(query, "sortBy", request.sortBy());
        put(query, "sortDirection", request.sortDirection());
        put(query, "filterField", request.filterField());
        put(query, "filterValue", request.filterValue());
        put(query, "filterOperator", request.filterOperator());
        return query;
    }

    private static void put(Map<String, Object> query, String name, Object value) {
        if (value != null) {
            query.put(name, value);
        }
    }
}
