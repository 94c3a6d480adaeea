package dev.postern.plugin.emailpassword;

import dev.postern.error.ErrorCode;
import dev.postern.security.RedirectPolicy;
import dev.postern.user.UserErrorCodes;
import java.util.List;

/**
 * Error codes of the email-and-password flows, with better-auth's messages. The first three are the ones
 * better-auth throws inline in its sign-up, sign-in and reset routes; the rest are its base codes.
 */
public final class EmailPasswordErrorCodes {
    public static final ErrorCode EMAIL_PASSWORD_SIGN_UP_DISABLED =
            ErrorCode.of("EMAIL_PASSWORD_SIGN_UP_DISABLED", "Email and password sign up is not enabled");
    public static final ErrorCode EMAIL_PASSWORD_DISABLED =
            ErrorCode.of("EMAIL_PASSWORD_DISABLED", "Email and password is not enabled");
    public static final ErrorCode RESET_PASSWORD_DISABLED =
            ErrorCode.of("RESET_PASSWORD_DISABLED", "Reset password isn't enabled");
    public static final ErrorCode INVALID_EMAIL_OR_PASSWORD =
            ErrorCode.of("INVALID_EMAIL_OR_PASSWORD", "Invalid email or password");
    public static final ErrorCode INVALID_PASSWORD = ErrorCode.of("INVALID_PASSWORD", "Invalid password");
    public static final ErrorCode PASSWORD_TOO_SHORT = ErrorCode.of("PASSWORD_TOO_SHORT", "Password too short");
    public static final ErrorCode PASSWORD_TOO_LONG = ErrorCode.of("PASSWORD_TOO_LONG", "Password too long");
    public static final ErrorCode PASSWORD_ALREADY_SET = ErrorCode.of("PASSWORD_ALREADY_SET", "User already has a password set");
    public static final ErrorCode EMAIL_NOT_VERIFIED = ErrorCode.of("EMAIL_NOT_VERIFIED", "Email not verified");
    public static final ErrorCode EMAIL_ALREADY_VERIFIED = ErrorCode.of("EMAIL_ALREADY_VERIFIED", "Email is already verified");
    public static final ErrorCode EMAIL_MISMATCH = ErrorCode.of("EMAIL_MISMATCH", "Email mismatch");
    public static final ErrorCode INVALID_TOKEN = ErrorCode.of("INVALID_TOKEN", "Invalid token");
    public static final ErrorCode TOKEN_EXPIRED = ErrorCode.of("TOKEN_EXPIRED", "Token expired");
    public static final ErrorCode FAILED_TO_CREATE_SESSION = ErrorCode.of("FAILED_TO_CREATE_SESSION", "Failed to create session");

    private EmailPasswordErrorCodes() {
    }

    /** Every code the plugin's endpoints answer with, for its documentation. */
    public static List<ErrorCode> all() {
        return List.of(EMAIL_PASSWORD_SIGN_UP_DISABLED, EMAIL_PASSWORD_DISABLED, RESET_PASSWORD_DISABLED,
                INVALID_EMAIL_OR_PASSWORD,
                INVALID_PASSWORD, PASSWORD_TOO_SHORT, PASSWORD_TOO_LONG, PASSWORD_ALREADY_SET, EMAIL_NOT_VERIFIED,
                EMAIL_ALREADY_VERIFIED, EMAIL_MISMATCH, INVALID_TOKEN, TOKEN_EXPIRED, FAILED_TO_CREATE_SESSION,
                UserErrorCodes.INVALID_EMAIL, UserErrorCodes.USER_NOT_FOUND,
                UserErrorCodes.USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL, UserErrorCodes.FAILED_TO_CREATE_USER,
                UserErrorCodes.CREDENTIAL_ACCOUNT_NOT_FOUND, RedirectPolicy.INVALID_CALLBACK_URL,
                RedirectPolicy.INVALID_REDIRECT_URL);
    }
}
