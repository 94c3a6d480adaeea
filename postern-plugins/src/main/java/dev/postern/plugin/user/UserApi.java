package dev.postern.plugin.user;

import dev.postern.Postern;
import dev.postern.PosternApi;
import dev.postern.PosternApi.ApiCall;
import dev.postern.api.ApiAccount;
import dev.postern.api.ApiResponse;
import dev.postern.api.StatusResponse;
import dev.postern.api.SuccessResponse;
import dev.postern.http.Headers;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.core.type.TypeReference;

/**
 * Typed Java API for the {@code user} plugin's endpoints, one method per endpoint and named as it
 * (better-auth's {@code auth.api.updateUser({body, headers})}); {@code headers} carry the user's session.
 */
public final class UserApi {
    private static final TypeReference<List<ApiAccount>> ACCOUNTS = new TypeReference<>() {
    };
    private final PosternApi api;

    public UserApi(PosternApi api) {
        this.api = Objects.requireNonNull(api, "api");
    }

    public static UserApi of(Postern postern) {
        return new UserApi(postern.api());
    }

    /** {@code updateUser}'s body; {@code additionalFields} are the extra user fields configured with input allowed. */
    public record UpdateUserRequest(String name, String image, Map<String, Object> additionalFields) {
    }

    public record ChangeEmailRequest(String newEmail, String callbackURL) {
    }

    /** {@code deleteUser}'s body: the password, or a fresh session, or the e-mailed token proves it is the user. */
    public record DeleteUserRequest(String password, String token, String callbackURL) {
    }

    public ApiResponse<StatusResponse> updateUser(Headers headers, UpdateUserRequest request) {
        return api.call("updateUser", ApiCall.empty().withBody(request).withHeaders(headers), StatusResponse.class);
    }

    public ApiResponse<StatusResponse> changeEmail(Headers headers, ChangeEmailRequest request) {
        return api.call("changeEmail", ApiCall.empty().withBody(request).withHeaders(headers), StatusResponse.class);
    }

    public ApiResponse<SuccessResponse> deleteUser(Headers headers, DeleteUserRequest request) {
        return api.call("deleteUser", ApiCall.empty().withBody(request).withHeaders(headers), SuccessResponse.class);
    }

    /** The e-mailed deletion link's target; with {@code callbackURL} it answers with a redirect (thrown). */
    public ApiResponse<SuccessResponse> deleteUserCallback(Headers headers, String token, String callbackURL) {
        Map<String, String> query = callbackURL == null ? Map.of("token", token)
                : Map.of("token", token, "callbackURL", callbackURL);
        return api.call("deleteUserCallback", ApiCall.empty().withQuery(query).withHeaders(headers),
                SuccessResponse.class);
    }

    public ApiResponse<List<ApiAccount>> listUserAccounts(Headers headers) {
        return api.call("listUserAccounts", ApiCall.empty().withHeaders(headers), ACCOUNTS);
    }

    public ApiResponse<StatusResponse> unlinkAccount(Headers headers, String accountId) {
        return api.call("unlinkAccount", ApiCall.body(Map.of("accountId", accountId)).withHeaders(headers),
                StatusResponse.class);
    }
}
