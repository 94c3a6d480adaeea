package dev.postern.plugin.social;

import dev.postern.error.ErrorCode;
import java.util.List;

/** Error codes of the social sign-in and account endpoints, with better-auth's messages. */
public final class SocialErrorCodes {
    public static final ErrorCode PROVIDER_NOT_FOUND = ErrorCode.of("PROVIDER_NOT_FOUND", "Provider not found");
    public static final ErrorCode ID_TOKEN_NOT_SUPPORTED = ErrorCode.of("ID_TOKEN_NOT_SUPPORTED", "id_token not supported");
    public static final ErrorCode INVALID_TOKEN = ErrorCode.of("INVALID_TOKEN", "Invalid token");
    public static final ErrorCode FAILED_TO_GET_USER_INFO = ErrorCode.of("FAILED_TO_GET_USER_INFO", "Failed to get user info");
    public static final ErrorCode USER_EMAIL_NOT_FOUND = ErrorCode.of("USER_EMAIL_NOT_FOUND", "User email not found");
    public static final ErrorCode EMAIL_NOT_VERIFIED = ErrorCode.of("EMAIL_NOT_VERIFIED", "Email not verified");
    public static final ErrorCode CALLBACK_URL_REQUIRED = ErrorCode.of("CALLBACK_URL_REQUIRED", "callbackURL is required");
    public static final ErrorCode SOCIAL_ACCOUNT_ALREADY_LINKED =
            ErrorCode.of("SOCIAL_ACCOUNT_ALREADY_LINKED", "Social account already linked");
    public static final ErrorCode ACCOUNT_NOT_FOUND = ErrorCode.of("ACCOUNT_NOT_FOUND", "Account not found");
    public static final ErrorCode LINKING_NOT_ALLOWED =
            ErrorCode.of("LINKING_NOT_ALLOWED", "Account not linked - linking not allowed");
    public static final ErrorCode LINKING_DIFFERENT_EMAILS_NOT_ALLOWED =
            ErrorCode.of("LINKING_DIFFERENT_EMAILS_NOT_ALLOWED", "Account not linked - different emails not allowed");
    public static final ErrorCode LINKING_FAILED = ErrorCode.of("LINKING_FAILED", "Account not linked - unable to create account");
    public static final ErrorCode FAILED_TO_GET_ACCESS_TOKEN =
            ErrorCode.of("FAILED_TO_GET_ACCESS_TOKEN", "Failed to get a valid access token");
    public static final ErrorCode FAILED_TO_REFRESH_ACCESS_TOKEN =
            ErrorCode.of("FAILED_TO_REFRESH_ACCESS_TOKEN", "Failed to refresh access token");
    public static final ErrorCode REFRESH_TOKEN_NOT_FOUND = ErrorCode.of("REFRESH_TOKEN_NOT_FOUND", "Refresh token not found");
    public static final ErrorCode ACCESS_TOKEN_NOT_FOUND = ErrorCode.of("ACCESS_TOKEN_NOT_FOUND", "Access token not found");
    public static final ErrorCode USER_ID_OR_SESSION_REQUIRED =
            ErrorCode.of("USER_ID_OR_SESSION_REQUIRED", "Either userId or session is required");

    private SocialErrorCodes() {
    }

    public static List<ErrorCode> all() {
        return List.of(PROVIDER_NOT_FOUND, ID_TOKEN_NOT_SUPPORTED, INVALID_TOKEN, FAILED_TO_GET_USER_INFO,
                USER_EMAIL_NOT_FOUND, EMAIL_NOT_VERIFIED, CALLBACK_URL_REQUIRED, SOCIAL_ACCOUNT_ALREADY_LINKED,
                ACCOUNT_NOT_FOUND, LINKING_NOT_ALLOWED, LINKING_DIFFERENT_EMAILS_NOT_ALLOWED, LINKING_FAILED,
                FAILED_TO_GET_ACCESS_TOKEN, FAILED_TO_REFRESH_ACCESS_TOKEN, REFRESH_TOKEN_NOT_FOUND,
                ACCESS_TOKEN_NOT_FOUND, USER_ID_OR_SESSION_REQUIRED);
    }
}
