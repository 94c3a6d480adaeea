package dev.postern.plugin.phonenumber;

import dev.postern.Postern;
import dev.postern.PosternApi;
import dev.postern.PosternApi.ApiCall;
import dev.postern.api.ApiResponse;
import dev.postern.api.ApiUser;
import dev.postern.api.StatusResponse;
import dev.postern.api.TokenAndUser;
import dev.postern.http.Headers;
import java.util.Map;
import java.util.Objects;

/**
 * Typed Java API for the {@code phone-number} plugin's endpoints, one method per endpoint and named as it
 * (better-auth's {@code auth.api.sendPhoneNumberOTP({body})}).
 */
public final class PhoneNumberApi {
    private final PosternApi api;

    public PhoneNumberApi(PosternApi api) {
        this.api = Objects.requireNonNull(api, "api");
    }

    public static PhoneNumberApi of(Postern postern) {
        return new PhoneNumberApi(postern.api());
    }

    public record SignInPhoneNumberRequest(String phoneNumber, String password, Boolean rememberMe) {
    }

    /** {@code verifyPhoneNumber}'s body; {@code updatePhoneNumber} changes the signed-in user's number. */
    public record VerifyPhoneNumberRequest(String phoneNumber, String code, Boolean disableSession,
                                           Boolean updatePhoneNumber) {
        public VerifyPhoneNumberRequest(String phoneNumber, String code) {
            this(phoneNumber, code, null, null);
        }
    }

    public record VerifyPhoneNumberResponse(boolean status, String token, ApiUser user) {
    }

    public record MessageResponse(String message) {
    }

    public ApiResponse<TokenAndUser> signInPhoneNumber(Headers headers, SignInPhoneNumberRequest request) {
        return api.call("signInPhoneNumber", ApiCall.empty().withBody(request).withHeaders(headers),
                TokenAndUser.class);
    }

    /** Sends a code through the configured SMS sender. */
    public ApiResponse<MessageResponse> sendPhoneNumberOTP(String phoneNumber) {
        return api.call("sendPhoneNumberOTP", ApiCall.body(Map.of("phoneNumber", phoneNumber)),
                MessageResponse.class);
    }

    public ApiResponse<VerifyPhoneNumberResponse> verifyPhoneNumber(Headers headers, VerifyPhoneNumberRequest request) {
        return api.call("verifyPhoneNumber", ApiCall.empty().withBody(request).withHeaders(headers),
                VerifyPhoneNumberResponse.class);
    }

    /** Server only: checks and uses up a code without touching any user. */
    public ApiResponse<StatusResponse> consumePhoneNumberOTP(String phoneNumber, String code) {
        return api.call("consumePhoneNumberOTP", ApiCall.body(Map.of("phoneNumber", phoneNumber, "code", code)),
                StatusResponse.class);
    }

    public ApiResponse<StatusResponse> requestPasswordResetPhoneNumber(String phoneNumber) {
        return api.call("requestPasswordResetPhoneNumber", ApiCall.body(Map.of("phoneNumber", phoneNumber)),
                StatusResponse.class);
    }

    public ApiResponse<StatusResponse> resetPasswordPhoneNumber(String phoneNumber, String otp, String newPassword) {
        return api.call("resetPasswordPhoneNumber",
                ApiCall.body(Map.of("phoneNumber", phoneNumber, "otp", otp, "newPassword", newPassword)),
                StatusResponse.class);
    }
}
