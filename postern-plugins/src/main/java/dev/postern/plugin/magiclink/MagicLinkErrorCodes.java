package dev.postern.plugin.magiclink;

import dev.postern.error.ErrorCode;
import java.util.List;

/**
 * The {@code ?error=} values {@code GET /magic-link/verify} redirects with, spelled as better-auth spells
 * them (upper case for a bad token, lower case for the rest).
 */
public final class MagicLinkErrorCodes {
    public static final ErrorCode INVALID_TOKEN = ErrorCode.of("INVALID_TOKEN", "Invalid token");
    public static final ErrorCode NEW_USER_SIGNUP_DISABLED =
            ErrorCode.of("new_user_signup_disabled", "Sign-up of new users is disabled");
    public static final ErrorCode FAILED_TO_CREATE_USER = ErrorCode.of("failed_to_create_user", "Failed to create user");
    public static final ErrorCode USER_NOT_FOUND = ErrorCode.of("user_not_found", "User not found");

    private MagicLinkErrorCodes() {
    }

    public static List<ErrorCode> all() {
        return List.of(INVALID_TOKEN, NEW_USER_SIGNUP_DISABLED, FAILED_TO_CREATE_USER, USER_NOT_FOUND);
    }
}
