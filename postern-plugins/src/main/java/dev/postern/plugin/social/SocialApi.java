package dev.postern.plugin.social;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.postern.Postern;
import dev.postern.PosternApi;
import dev.postern.PosternApi.ApiCall;
import dev.postern.api.ApiResponse;
import dev.postern.api.ApiUser;
import dev.postern.error.ApiException;
import dev.postern.http.AuthRequest;
import dev.postern.http.Headers;
import dev.postern.http.Status;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Typed Java API for the {@code social} plugin's endpoints, one method per endpoint and named as it
 * (better-auth's {@code auth.api.signInSocial({body, headers})}); {@code headers} carry the browser's cookies.
 * Null components of a request record are left out, as a client leaves out what it does not send.
 *
 * <p>A redirect flow takes two calls: {@link #signInSocial} (or {@link #linkSocialAccount}) answers the
 * provider's authorization URL and sets the state cookie, which the browser must bring back to
 * {@link #callbackOAuth} together with the parameters the provider appended to the callback URL.
 */
public final class SocialApi {
    private final PosternApi api;

    public SocialApi(PosternApi api) {
        this.api = Objects.requireNonNull(api, "api");
    }

    public static SocialApi of(Postern postern) {
        return new SocialApi(postern.api());
    }

    /**
     * An ID token the client obtained from the provider itself (Google One Tap, Sign in with Apple...).
     * {@code expiresAt} (epoch milliseconds) and {@code user} (Apple's first-sign-in
     * {@code {name: {firstName, lastName}, email}}) are read by sign-in only. Its null components are left
     * out of the body too (the request's own are; a nested record's are not, and the schema refuses null).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record IdToken(String token, String nonce, String accessToken, String refreshToken, Long expiresAt,
                          Map<String, Object> user) {
        public IdToken(String token, String nonce) {
            this(token, nonce, null, null, null, null);
        }
    }

    /**
     * {@code signInSocial}'s body. Without {@code idToken} a redirect flow starts; {@code additionalParams}
     * go to the authorization URL, {@code additionalData} into the flow's state.
     */
    public record SignInSocialRequest(String provider, String callbackURL, String errorCallbackURL,
                                      String newUserCallbackURL, Boolean disableRedirect, IdToken idToken,
                                      List<String> scopes, Boolean requestSignUp, String loginHint,
                                      Map<String, String> additionalParams, Map<String, Object> additionalData) {
        /** A redirect flow back to {@code callbackURL} (null: the base URL). */
        public SignInSocialRequest(String provider, String callbackURL) {
            this(provider, callbackURL, null, null, null, null, null, null, null, null, null);
        }

        /** Signs in at once with an ID token, no redirect. */
        public static SignInSocialRequest withIdToken(String provider, IdToken idToken) {
            return new SignInSocialRequest(provider, null, null, null, null, idToken, null, null, null, null, null);
        }
    }

    /**
     * A redirect flow's {@code {url, redirect}} (redirect false with {@code disableRedirect}), or an ID-token
     * sign-in's {@code {redirect: false, token, user}}.
     */
    public record SignInSocialResponse(boolean redirect, String url, String token, ApiUser user) {
    }

    /** {@code linkSocialAccount}'s body; without {@code idToken} a redirect flow starts, as for sign-in. */
    public record LinkSocialAccountRequest(String provider, String callbackURL, String errorCallbackURL,
                                           Boolean disableRedirect, IdToken idToken, List<String> scopes,
                                           Boolean requestSignUp, String loginHint,
                                           Map<String, String> additionalParams, Map<String, Object> additionalData) {
        public LinkSocialAccountRequest(String provider, String callbackURL) {
            this(provider, callbackURL, null, null, null, null, null, null, null, null);
        }

        public static LinkSocialAccountRequest withIdToken(String provider, IdToken idToken) {
            return new LinkSocialAccountRequest(provider, null, null, null, idToken, null, null, null, null, null);
        }
    }

    /**
     * A redirect flow's {@code {url, redirect}}, or {@code {url: "", status: true, redirect: false}} once an
     * ID token linked the account ({@code status} is false when absent).
     */
    public record LinkSocialAccountResponse(String url, boolean redirect, boolean status) {
    }

    /** The parameters a provider appends to the callback URL, named as it sends them. */
    public record CallbackOAuthRequest(String code, String state, String iss, String error, String error_description,
                                       String device_id, String user) {
        /** The parameters of a callback URL's query string ({@code code=...&state=...}). */
        public static CallbackOAuthRequest fromQuery(String rawQuery) {
            Map<String, List<String>> query = AuthRequest.parseQuery(rawQuery);
            return new CallbackOAuthRequest(first(query, "code"), first(query, "state"), first(query, "iss"),
                    first(query, "error"), first(query, "error_description"), first(query, "device_id"),
                    first(query, "user"));
        }
    }

    /**
     * Where the callback sends the browser: the flow's callback URL (its new-user URL for a sign-up) when it
     * succeeded, its error URL with better-auth's {@code ?error=} code when it failed.
     */
    public record CallbackRedirect(String location) {
        /** The {@code error} parameter of the location: null when the flow succeeded. */
        public String error() {
            int query = location.indexOf('?');
            return query < 0 ? null : first(AuthRequest.parseQuery(location.substring(query + 1)), "error");
        }
    }

    /**
     * Which account's tokens: the account row's {@code id} (as {@code listUserAccounts} shows it) and, from
     * server code without the user's session, whose account it is.
     */
    public record AccountSelection(String accountId, String userId) {
        public AccountSelection(String accountId) {
            this(accountId, null);
        }
    }

    /** A usable access token: the stored one, or a fresh one when it was about to expire. */
    public record AccessTokenResponse(String accessToken, Instant accessTokenExpiresAt, List<String> scopes,
                                      String idToken) {
    }

    /** The provider's fresh tokens; {@code accountId} is the account row's id, {@code scope} comma-separated. */
    public record RefreshTokenResponse(String accessToken, String refreshToken, Instant accessTokenExpiresAt,
                                       Instant refreshTokenExpiresAt, String scope, String idToken, String providerId,
                                       String accountId) {
    }

    /** The user as the provider describes it now; {@code id} is the provider's account id. */
    public record ProviderUser(String id, String name, String email, String image, boolean emailVerified) {
    }

    /** The account asked about: its row's {@code id}, its provider, the provider's account id. */
    public record AccountReference(String id, String providerId, String accountId) {
    }

    /** {@code user} mapped from the provider's profile, {@code data} the profile as the provider sent it. */
    public record AccountInfoResponse(ProviderUser user, Map<String, Object> data, AccountReference account) {
    }

    /** Starts a redirect flow (sets the state cookie and {@code Location}) or signs in with an ID token. */
    public ApiResponse<SignInSocialResponse> signInSocial(Headers headers, SignInSocialRequest request) {
        return api.call("signInSocial", ApiCall.empty().withBody(request).withHeaders(headers),
                SignInSocialResponse.class);
    }

    /**
     * Finishes a redirect flow for the provider {@code providerId}: checks the state against the state cookie
     * in {@code headers}, exchanges the code, then signs in, signs up or links. Its answer is always a 302,
     * success or failure, which the endpoint throws as over HTTP; here it is the value, with the session
     * cookie (after a sign-in) in {@link ApiResponse#cookies()} and {@code Location} in the headers.
     */
    public ApiResponse<CallbackRedirect> callbackOAuth(Headers headers, String providerId,
                                                       CallbackOAuthRequest request) {
        ApiCall call = ApiCall.empty().withParams(Map.of("id", providerId)).withQuery(request).withHeaders(headers);
        try {
            api.call("callbackOAuth", call);
        } catch (ApiException e) {
            String location = e.headers().get("Location");
            if (e.status() != Status.FOUND || location == null) {
                throw e;
            }
            return new ApiResponse<>(new CallbackRedirect(location), JsonNodeFactory.instance.nullNode(),
                    e.cookies(), e.headers());
        }
        throw new IllegalStateException("callbackOAuth answered without redirecting");
    }

    /** Links another provider account to the user of the session in {@code headers}. */
    public ApiResponse<LinkSocialAccountResponse> linkSocialAccount(Headers headers, LinkSocialAccountRequest request) {
        return api.call("linkSocialAccount", ApiCall.empty().withBody(request).withHeaders(headers),
                LinkSocialAccountResponse.class);
    }

    /** The account's access token, refreshed first when it expires within 5 seconds. */
    public ApiResponse<AccessTokenResponse> getAccessToken(Headers headers, AccountSelection account) {
        return api.call("getAccessToken", ApiCall.empty().withBody(account).withHeaders(headers),
                AccessTokenResponse.class);
    }

    /** Refreshes the account's tokens at the provider, whether or not they are about to expire. */
    public ApiResponse<RefreshTokenResponse> refreshToken(Headers headers, AccountSelection account) {
        return api.call("refreshToken", ApiCall.empty().withBody(account).withHeaders(headers),
                RefreshTokenResponse.class);
    }

    /** Asks the provider for the account's current profile. */
    public ApiResponse<AccountInfoResponse> accountInfo(Headers headers, AccountSelection account) {
        return api.call("accountInfo", ApiCall.empty().withQuery(account).withHeaders(headers),
                AccountInfoResponse.class);
    }

    private static String first(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
