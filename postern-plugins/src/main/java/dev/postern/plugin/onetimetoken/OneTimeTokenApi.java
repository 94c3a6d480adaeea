package dev.postern.plugin.onetimetoken;

import dev.postern.Postern;
import dev.postern.PosternApi;
import dev.postern.PosternApi.ApiCall;
import dev.postern.api.ApiResponse;
import dev.postern.api.SessionAndUser;
import dev.postern.http.Headers;
import java.util.Map;
import java.util.Objects;

/**
 * Typed Java API for the {@code one-time-token} plugin's endpoints, one method per endpoint and named as it
 * (better-auth's {@code auth.api.generateOneTimeToken({headers})}).
 */
public final class OneTimeTokenApi {
    private final PosternApi api;

    public OneTimeTokenApi(PosternApi api) {
        this.api = Objects.requireNonNull(api, "api");
    }

    public static OneTimeTokenApi of(Postern postern) {
        return new OneTimeTokenApi(postern.api());
    }

    public record TokenResponse(String token) {
    }

    /** A single-use token for the session {@code headers} carry. */
    public ApiResponse<TokenResponse> generateOneTimeToken(Headers headers) {
        return api.call("generateOneTimeToken", ApiCall.empty().withHeaders(headers), TokenResponse.class);
    }

    /** Redeems the token: its session and user (and, unless disabled, that session's cookie). */
    public ApiResponse<SessionAndUser> verifyOneTimeToken(String token) {
        return api.call("verifyOneTimeToken", ApiCall.body(Map.of("token", token)), SessionAndUser.class);
    }
}
