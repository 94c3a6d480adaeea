package dev.postern.plugin.magiclink;

import dev.postern.Postern;
import dev.postern.PosternApi;
import dev.postern.PosternApi.ApiCall;
import dev.postern.api.ApiResponse;
import dev.postern.api.ApiSession;
import dev.postern.api.ApiUser;
import dev.postern.api.StatusResponse;
import dev.postern.http.Headers;
import java.util.Map;
import java.util.Objects;

/**
 * Typed Java API for the {@code magic-link} plugin's endpoints, one method per endpoint and named as it
 * (better-auth's {@code auth.api.signInMagicLink({body, headers})}). Verifying with a callback URL answers
 * with a redirect, thrown as {@link dev.postern.error.ApiException} as over HTTP.
 */
public final class MagicLinkApi {
    private final PosternApi api;

    public MagicLinkApi(PosternApi api) {
        this.api = Objects.requireNonNull(api, "api");
    }

    public static MagicLinkApi of(Postern postern) {
        return new MagicLinkApi(postern.api());
    }

    /** {@code signInMagicLink}'s body; {@code metadata} is handed to the configured link sender. */
    public record SignInMagicLinkRequest(String email, String name, String callbackURL, String newUserCallbackURL,
                                         String errorCallbackURL, Map<String, Object> metadata) {
        public SignInMagicLinkRequest(String email) {
            this(email, null, null, null, null, null);
        }
    }

    /** {@code magicLinkVerify}'s query: the e-mailed token and where to send the browser. */
    public record MagicLinkVerifyRequest(String token, String callbackURL, String errorCallbackURL,
                                         String newUserCallbackURL) {
        public MagicLinkVerifyRequest(String token) {
            this(token, null, null, null);
        }
    }

    public record MagicLinkVerifyResponse(String token, ApiUser user, ApiSession session) {
    }

    /** Sends the sign-in link through the configured sender. */
    public ApiResponse<StatusResponse> signInMagicLink(Headers headers, SignInMagicLinkRequest request) {
        return api.call("signInMagicLink", ApiCall.empty().withBody(request).withHeaders(headers),
                StatusResponse.class);
    }

    public ApiResponse<MagicLinkVerifyResponse> magicLinkVerify(Headers headers, MagicLinkVerifyRequest request) {
        return api.call("magicLinkVerify", ApiCall.empty().withQuery(request).withHeaders(headers),
                MagicLinkVerifyResponse.class);
    }
}
