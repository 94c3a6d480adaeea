package dev.postern.plugin.emailpassword;

import dev.postern.Postern;
import dev.postern.PosternApi;
import dev.postern.PosternApi.ApiCall;
import dev.postern.api.ApiResponse;
import dev.postern.api.ApiUser;
import dev.postern.api.StatusResponse;
import dev.postern.http.Headers;
import java.util.Map;
import java.util.Objects;

/**
 * Typed Java API for the {@code email-password} plugin's endpoints, one method per endpoint and named as it
 * (better-auth's {@code auth.api.signUpEmail({body})}). Request records hold the endpoint's body fields;
 * null components are left out, as a client leaves out what it does not send.
 *
 * <pre>{@code
 * ApiResponse<SignInResponse> signedIn = EmailPasswordApi.of(postern)
 *         .signInEmail(new SignInEmailRequest("ada@example.com", "correct horse", null, null));
 * signedIn.cookies(); // the session cookie, for a browser
 * }</pre>
 *
 * <p>Endpoints that answer a browser with a redirect (a {@code callbackURL} given) throw
 * {@link dev.postern.error.ApiException} carrying the redirect, as over HTTP.
 */
public final class EmailPasswordApi {
    private final PosternApi api;

    public EmailPasswordApi(PosternApi api) {
        this.api = Objects.requireNonNull(api, "api");
    }

    public static EmailPasswordApi of(Postern postern) {
        return new EmailPasswordApi(postern.api());
    }

    /** {@code signUpEmail}'s body; {@code additionalFields} are the extra user fields configured with input allowed. */
    public record SignUpEmailRequest(String name, String email, String password, String image, String callbackURL,
                                     Boolean rememberMe, Map<String, Object> additionalFields) {
        public SignUpEmailRequest(String name, String email, String password) {
            this(name, email, password, null, null, null, null);
        }
    }

    /** The new user, and the session token when signing up signs in. */
    public record SignUpResponse(String token, ApiUser user) {
    }

    public record SignInEmailRequest(String email, String password, String callbackURL, Boolean rememberMe) {
        public SignInEmailRequest(String email, String password) {
            this(email, password, null, null);
        }
    }

    public record SignInResponse(boolean redirect, String token, String url, ApiUser user) {
    }

    public record SendVerificationEmailRequest(String email, String callbackURL) {
    }

    public record VerifyEmailRequest(String token, String callbackURL) {
    }

    /** {@code {status: true}} and, when verifying signed the user in, the user. */
    public record VerifyEmailResponse(boolean status, ApiUser user) {
    }

    public record RequestPasswordResetRequest(String email, String redirectTo) {
    }

    public record ResetPasswordRequest(String newPassword, String token) {
    }

    public record ChangePasswordRequest(String newPassword, String currentPassword, Boolean revokeOtherSessions) {
    }

    /** The user, and the new session token when other sessions were revoked. */
    public record ChangePasswordResponse(String token, ApiUser user) {
    }

    public ApiResponse<SignUpResponse> signUpEmail(SignUpEmailRequest request) {
        return api.call("signUpEmail", ApiCall.empty().withBody(request), SignUpResponse.class);
    }

    public ApiResponse<SignInResponse> signInEmail(SignInEmailRequest request) {
        return api.call("signInEmail", ApiCall.empty().withBody(request), SignInResponse.class);
    }

    /** Sends the verification e-mail to {@code email}, or to the signed-in user when the headers carry a session. */
    public ApiResponse<StatusResponse> sendVerificationEmail(Headers headers, SendVerificationEmailRequest request) {
        return api.call("sendVerificationEmail", ApiCall.empty().withBody(request).withHeaders(headers),
                StatusResponse.class);
    }

    public ApiResponse<VerifyEmailResponse> verifyEmail(VerifyEmailRequest request) {
        return api.call("verifyEmail", ApiCall.empty().withQuery(request), VerifyEmailResponse.class);
    }

    /** Always the same answer, whether or not the address belongs to a user (no enumeration). */
    public ApiResponse<StatusResponse> requestPasswordReset(RequestPasswordResetRequest request) {
        return api.call("requestPasswordReset", ApiCall.empty().withBody(request), StatusResponse.class);
    }

    /** The e-mailed link's target: redirects to {@code callbackURL} with the token (thrown as the redirect). */
    public ApiResponse<StatusResponse> resetPasswordCallback(String token, String callbackURL) {
        return api.call("resetPasswordCallback", ApiCall.empty().withParams(Map.of("token", token))
                .withQuery(Map.of("callbackURL", callbackURL)), StatusResponse.class);
    }

    public ApiResponse<StatusResponse> resetPassword(ResetPasswordRequest request) {
        return api.call("resetPassword", ApiCall.empty().withBody(request), StatusResponse.class);
    }

    public ApiResponse<ChangePasswordResponse> changePassword(Headers headers, ChangePasswordRequest request) {
        return api.call("changePassword", ApiCall.empty().withBody(request).withHeaders(headers),
                ChangePasswordResponse.class);
    }

    /** Gives a password to a signed-in user who has none (signed up with a provider); server-only. */
    public ApiResponse<StatusResponse> setPassword(Headers headers, String newPassword) {
        return api.call("setPassword", ApiCall.body(Map.of("newPassword", newPassword)).withHeaders(headers),
                StatusResponse.class);
    }

    /** Checks the signed-in user's password (server-only in better-auth). */
    public ApiResponse<StatusResponse> verifyPassword(Headers headers, String password) {
        return api.call("verifyPassword", ApiCall.body(Map.of("password", password)).withHeaders(headers),
                StatusResponse.class);
    }
}
