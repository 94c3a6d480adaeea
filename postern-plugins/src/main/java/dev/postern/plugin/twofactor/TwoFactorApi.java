package dev.postern.plugin.twofactor;

import dev.postern.Postern;
import dev.postern.PosternApi;
import dev.postern.PosternApi.ApiCall;
import dev.postern.api.ApiResponse;
import dev.postern.api.StatusResponse;
import dev.postern.api.TokenAndUser;
import dev.postern.http.Headers;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Typed Java API for the {@code two-factor} plugin's endpoints, one method per endpoint and named as it
 * (better-auth's {@code auth.api.enableTwoFactor({body, headers})}). {@code headers} carry the user's
 * session, or during sign-in the two-factor challenge cookie.
 */
public final class TwoFactorApi {
    private final PosternApi api;

    public TwoFactorApi(PosternApi api) {
        this.api = Objects.requireNonNull(api, "api");
    }

    public static TwoFactorApi of(Postern postern) {
        return new TwoFactorApi(postern.api());
    }

    /** {@code enableTwoFactor}'s body: {@code method} is {@code totp} or {@code otp}, {@code qrCode} svg or png. */
    public record EnableTwoFactorRequest(String password, String method, String issuer, String qrCode) {
        public EnableTwoFactorRequest(String password) {
            this(password, null, null, null);
        }
    }

    /** The TOTP URI (and QR code) to show, and the backup codes to hand to the user. */
    public record EnableTwoFactorResponse(String method, String totpURI, String totpQRCode, List<String> backupCodes) {
    }

    public record TotpUriResponse(String totpURI, String totpQRCode) {
    }

    public record CodeResponse(String code) {
    }

    /** {@code verifyBackupCode}'s body; with {@code disableSession} no session is created. */
    public record VerifyBackupCodeRequest(String code, Boolean disableSession, Boolean trustDevice) {
    }

    public record BackupCodesResponse(boolean status, List<String> backupCodes) {
    }

    public ApiResponse<EnableTwoFactorResponse> enableTwoFactor(Headers headers, EnableTwoFactorRequest request) {
        return api.call("enableTwoFactor", ApiCall.empty().withBody(request).withHeaders(headers),
                EnableTwoFactorResponse.class);
    }

    public ApiResponse<StatusResponse> disableTwoFactor(Headers headers, String password) {
        return api.call("disableTwoFactor", ApiCall.body(Map.of("password", password)).withHeaders(headers),
                StatusResponse.class);
    }

    /** Server only: the current TOTP code for a secret. */
    public ApiResponse<CodeResponse> generateTOTP(String secret) {
        return api.call("generateTOTP", ApiCall.body(Map.of("secret", secret)), CodeResponse.class);
    }

    /** The user's TOTP URI; {@code qrCode} ({@code svg}, {@code png} or null) adds a QR code of it. */
    public ApiResponse<TotpUriResponse> getTOTPURI(Headers headers, String password, String qrCode) {
        Map<String, String> body = qrCode == null ? Map.of("password", password)
                : Map.of("password", password, "qrCode", qrCode);
        return api.call("getTOTPURI", ApiCall.body(body).withHeaders(headers), TotpUriResponse.class);
    }

    public ApiResponse<TokenAndUser> verifyTOTP(Headers headers, String code, Boolean trustDevice) {
        return api.call("verifyTOTP", ApiCall.body(codeBody(code, trustDevice)).withHeaders(headers),
                TokenAndUser.class);
    }

    /** Sends a one-time code through the configured OTP sender. */
    public ApiResponse<StatusResponse> sendTwoFactorOTP(Headers headers, Boolean trustDevice) {
        Map<String, Object> body = trustDevice == null ? Map.of() : Map.of("trustDevice", trustDevice);
        return api.call("sendTwoFactorOTP", ApiCall.body(body).withHeaders(headers), StatusResponse.class);
    }

    public ApiResponse<TokenAndUser> verifyTwoFactorOTP(Headers headers, String code, Boolean trustDevice) {
        return api.call("verifyTwoFactorOTP", ApiCall.body(codeBody(code, trustDevice)).withHeaders(headers),
                TokenAndUser.class);
    }

    public ApiResponse<TokenAndUser> verifyBackupCode(Headers headers, VerifyBackupCodeRequest request) {
        return api.call("verifyBackupCode", ApiCall.empty().withBody(request).withHeaders(headers),
                TokenAndUser.class);
    }

    /** Replaces the user's backup codes with new ones. */
    public ApiResponse<BackupCodesResponse> generateBackupCodes(Headers headers, String password) {
        return api.call("generateBackupCodes", ApiCall.body(Map.of("password", password)).withHeaders(headers),
                BackupCodesResponse.class);
    }

    /** Server only: a user's current backup codes. */
    public ApiResponse<BackupCodesResponse> viewBackupCodes(String userId) {
        return api.call("viewBackupCodes", ApiCall.body(Map.of("userId", userId)), BackupCodesResponse.class);
    }

    private static Map<String, Object> codeBody(String code, Boolean trustDevice) {
        return trustDevice == null ? Map.of("code", code) : Map.of("code", code, "trustDevice", trustDevice);
    }
}
