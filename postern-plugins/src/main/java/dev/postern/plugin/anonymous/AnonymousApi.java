package dev.postern.plugin.anonymous;

import dev.postern.Postern;
import dev.postern.PosternApi;
import dev.postern.PosternApi.ApiCall;
import dev.postern.api.ApiResponse;
import dev.postern.api.SuccessResponse;
import dev.postern.api.TokenAndUser;
import dev.postern.http.Headers;
import java.util.Objects;

/**
 * Typed Java API for the {@code anonymous} plugin's endpoints, one method per endpoint and named as it
 * (better-auth's {@code auth.api.signInAnonymous()}).
 */
public final class AnonymousApi {
    private final PosternApi api;

    public AnonymousApi(PosternApi api) {
        this.api = Objects.requireNonNull(api, "api");
    }

    public static AnonymousApi of(Postern postern) {
        return new AnonymousApi(postern.api());
    }

    /** Creates an anonymous user and signs it in; {@code headers} may carry an existing session. */
    public ApiResponse<TokenAndUser> signInAnonymous(Headers headers) {
        return api.call("signInAnonymous", ApiCall.empty().withHeaders(headers), TokenAndUser.class);
    }

    /** Deletes the signed-in anonymous user. */
    public ApiResponse<SuccessResponse> deleteAnonymousUser(Headers headers) {
        return api.call("deleteAnonymousUser", ApiCall.empty().withHeaders(headers), SuccessResponse.class);
    }
}
