package dev.postern.plugin.passkey;

import dev.postern.error.ErrorCode;
import java.util.List;

/** The error codes of {@code @better-auth/passkey}, with its messages. */
public final class PasskeyErrorCodes {
    public static final ErrorCode CHALLENGE_NOT_FOUND = ErrorCode.of("CHALLENGE_NOT_FOUND", "Challenge not found");
    public static final ErrorCode YOU_ARE_NOT_ALLOWED_TO_REGISTER_THIS_PASSKEY = ErrorCode.of(
            "YOU_ARE_NOT_ALLOWED_TO_REGISTER_THIS_PASSKEY", "You are not allowed to register this passkey");
    public static final ErrorCode FAILED_TO_VERIFY_REGISTRATION =
            ErrorCode.of("FAILED_TO_VERIFY_REGISTRATION", "Failed to verify registration");
    public static final ErrorCode PASSKEY_NOT_FOUND = ErrorCode.of("PASSKEY_NOT_FOUND", "Passkey not found");
    public static final ErrorCode AUTHENTICATION_FAILED = ErrorCode.of("AUTHENTICATION_FAILED", "Authentication failed");
    public static final ErrorCode UNABLE_TO_CREATE_SESSION = ErrorCode.of("UNABLE_TO_CREATE_SESSION", "Unable to create session");
    public static final ErrorCode USER_NOT_FOUND = ErrorCode.of("USER_NOT_FOUND", "User not found");
    public static final ErrorCode FAILED_TO_UPDATE_PASSKEY = ErrorCode.of("FAILED_TO_UPDATE_PASSKEY", "Failed to update passkey");
    public static final ErrorCode SESSION_REQUIRED =
            ErrorCode.of("SESSION_REQUIRED", "Passkey registration requires an authenticated session");
    public static final ErrorCode RESOLVE_USER_REQUIRED = ErrorCode.of("RESOLVE_USER_REQUIRED",
            "Passkey registration requires either an authenticated session or a resolveUser callback when requireSession is false");
    public static final ErrorCode RESOLVED_USER_INVALID = ErrorCode.of("RESOLVED_USER_INVALID", "Resolved user is invalid");

    private PasskeyErrorCodes() {
    }

    /** Every code the plugin's endpoints answer with, for its documentation. */
    public static List<ErrorCode> all() {
        return List.of(CHALLENGE_NOT_FOUND, YOU_ARE_NOT_ALLOWED_TO_REGISTER_THIS_PASSKEY, FAILED_TO_VERIFY_REGISTRATION,
                PASSKEY_NOT_FOUND, AUTHENTICATION_FAILED, UNABLE_TO_CREATE_SESSION, USER_NOT_FOUND,
                FAILED_TO_UPDATE_PASSKEY, SESSION_REQUIRED, RESOLVE_USER_REQUIRED, RESOLVED_USER_INVALID);
    }
}
