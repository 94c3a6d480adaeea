package dev.postern.plugin.username;

import dev.postern.Postern;
import dev.postern.PosternApi;
import dev.postern.PosternApi.ApiCall;
import dev.postern.api.ApiResponse;
import dev.postern.http.Headers;
import dev.postern.plugin.emailpassword.EmailPasswordApi.SignInResponse;
import java.util.Map;
import java.util.Objects;

/**
 * Typed Java API for the {@code username} plugin's endpoints, one method per endpoint and named as it
 * (better-auth's {@code auth.api.signInUsername({body})}). Signing up with a username is
 * {@code EmailPasswordApi.signUpEmail} with {@code username} among its additional fields.
 */
public final class UsernameApi {
    private final PosternApi api;

    public UsernameApi(PosternApi api) {
        this.api = Objects.requireNonNull(api, "api");
    }

    public static UsernameApi of(Postern postern) {
        return new UsernameApi(postern.api());
    }

    public record SignInUsernameRequest(String username, String password, Boolean rememberMe, String callbackURL) {
        public SignInUsernameRequest(String username, String password) {
            this(username, password, null, null);
        }
    }

    public record AvailabilityResponse(boolean available) {
    }

    /** Signs in as {@code signInEmail} does; the answer carries the session cookie. */
    public ApiResponse<SignInResponse> signInUsername(SignInUsernameRequest request) {
        return signInUsername(Headers.empty(), request);
    }

    public ApiResponse<SignInResponse> signInUsername(Headers headers, SignInUsernameRequest request) {
        return api.call("signInUsername", ApiCall.empty().withBody(request).withHeaders(headers),
                SignInResponse.class);
    }

    public ApiResponse<AvailabilityResponse> isUsernameAvailable(String username) {
        return api.call("isUsernameAvailable", ApiCall.body(Map.of("username", username)),
                AvailabilityResponse.class);
    }
}
