package dev.postern.plugin.emailotp;

import dev.postern.Postern;
import dev.postern.PosternApi;
import dev.postern.PosternApi.ApiCall;
import dev.postern.api.ApiResponse;
import dev.postern.api.ApiUser;
import dev.postern.api.SuccessResponse;
import dev.postern.api.TokenAndUser;
import dev.postern.http.Headers;
import java.util.Map;
import java.util.Objects;

/**
 * Typed Java API for the {@code email-otp} plugin's endpoints, one method per endpoint and named as it
 * (better-auth's {@code auth.api.sendVerificationOTP({body})}). {@code type} is one of
 * {@code email-verification}, {@code sign-in}, {@code forget-password}, {@code change-email}.
 */
public final class EmailOtpApi {
    private final PosternApi api;

    public EmailOtpApi(PosternApi api) {
        this.api = Objects.requireNonNull(api, "api");
    }

    public static EmailOtpApi of(Postern postern) {
        return new EmailOtpApi(postern.api());
    }

    public record SignInEmailOtpRequest(String email, String otp, String name, String image) {
        public SignInEmailOtpRequest(String email, String otp) {
            this(email, otp, null, null);
        }
    }

    /** {@code {status, token, user}}: the verified user, and a session token when verifying signed in. */
    public record VerifyEmailOtpResponse(boolean status, String token, ApiUser user) {
    }

    public ApiResponse<SuccessResponse> sendVerificationOTP(String email, String type) {
        return api.call("sendVerificationOTP", ApiCall.body(Map.of("email", email, "type", type)),
                SuccessResponse.class);
    }

    /** Server only: creates and stores a code without sending it, and returns it. */
    public ApiResponse<String> createVerificationOTP(String email, String type) {
        return api.call("createVerificationOTP", ApiCall.body(Map.of("email", email, "type", type)), String.class);
    }

    /** Server only: the stored code (readable only when codes are stored plain or encrypted); null if none. */
    public ApiResponse<OtpResponse> getVerificationOTP(String email, String type) {
        return api.call("getVerificationOTP", ApiCall.empty().withQuery(Map.of("email", email, "type", type)),
                OtpResponse.class);
    }

    public record OtpResponse(String otp) {
    }

    public ApiResponse<SuccessResponse> checkVerificationOTP(String email, String type, String otp) {
        return api.call("checkVerificationOTP", ApiCall.body(Map.of("email", email, "type", type, "otp", otp)),
                SuccessResponse.class);
    }

    public ApiResponse<VerifyEmailOtpResponse> verifyEmailOTP(Headers headers, String email, String otp) {
        return api.call("verifyEmailOTP", ApiCall.body(Map.of("email", email, "otp", otp)).withHeaders(headers),
                VerifyEmailOtpResponse.class);
    }

    public ApiResponse<TokenAndUser> signInEmailOTP(Headers headers, SignInEmailOtpRequest request) {
        return api.call("signInEmailOTP", ApiCall.empty().withBody(request).withHeaders(headers), TokenAndUser.class);
    }

    public ApiResponse<SuccessResponse> requestPasswordResetEmailOTP(String email) {
        return api.call("requestPasswordResetEmailOTP", ApiCall.body(Map.of("email", email)), SuccessResponse.class);
    }

    /** better-auth's older name of {@link #requestPasswordResetEmailOTP}. */
    public ApiResponse<SuccessResponse> forgetPasswordEmailOTP(String email) {
        return api.call("forgetPasswordEmailOTP", ApiCall.body(Map.of("email", email)), SuccessResponse.class);
    }

    public ApiResponse<SuccessResponse> resetPasswordEmailOTP(String email, String otp, String password) {
        return api.call("resetPasswordEmailOTP",
                ApiCall.body(Map.of("email", email, "otp", otp, "password", password)), SuccessResponse.class);
    }

    /** Sends a code to {@code newEmail}; {@code otp} (a code sent to the current address) when that is required. */
    public ApiResponse<SuccessResponse> requestEmailChangeEmailOTP(Headers headers, String newEmail, String otp) {
        Map<String, String> body = otp == null ? Map.of("newEmail", newEmail) : Map.of("newEmail", newEmail, "otp", otp);
        return api.call("requestEmailChangeEmailOTP", ApiCall.body(body).withHeaders(headers), SuccessResponse.class);
    }

    public ApiResponse<SuccessResponse> changeEmailEmailOTP(Headers headers, String newEmail, String otp) {
        return api.call("changeEmailEmailOTP", ApiCall.body(Map.of("newEmail", newEmail, "otp", otp))
                .withHeaders(headers), SuccessResponse.class);
    }
}
