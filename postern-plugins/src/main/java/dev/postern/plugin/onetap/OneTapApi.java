package dev.postern.plugin.onetap;

import dev.postern.Postern;
import dev.postern.PosternApi;
import dev.postern.PosternApi.ApiCall;
import dev.postern.api.ApiResponse;
import dev.postern.api.TokenAndUser;
import dev.postern.http.Headers;
import java.util.Map;
import java.util.Objects;

/**
 * Typed Java API for the {@code one-tap} plugin's endpoint (better-auth's {@code auth.api.oneTapCallback}).
 */
public final class OneTapApi {
    private final PosternApi api;

    public OneTapApi(PosternApi api) {
        this.api = Objects.requireNonNull(api, "api");
    }

    public static OneTapApi of(Postern postern) {
        return new OneTapApi(postern.api());
    }

    /** Signs in with a Google ID token; {@code callbackURL} may be null. */
    public ApiResponse<TokenAndUser> oneTapCallback(Headers headers, String idToken, String callbackURL) {
        Map<String, String> body = callbackURL == null ? Map.of("idToken", idToken)
                : Map.of("idToken", idToken, "callbackURL", callbackURL);
        return api.call("oneTapCallback", ApiCall.body(body).withHeaders(headers), TokenAndUser.class);
    }
}
