package dev.postern.plugin.anonymous;

import dev.postern.error.ErrorCode;
import java.util.List;

/** Error codes of the {@code anonymous} plugin, with better-auth's messages. */
public final class AnonymousErrorCodes {
    public static final ErrorCode INVALID_EMAIL_FORMAT =
            ErrorCode.of("INVALID_EMAIL_FORMAT", "Email was not generated in a valid format");
    public static final ErrorCode FAILED_TO_CREATE_USER = ErrorCode.of("FAILED_TO_CREATE_USER", "Failed to create user");
    public static final ErrorCode COULD_NOT_CREATE_SESSION = ErrorCode.of("COULD_NOT_CREATE_SESSION", "Could not create session");
    public static final ErrorCode ANONYMOUS_USERS_CANNOT_SIGN_IN_AGAIN_ANONYMOUSLY = ErrorCode.of(
            "ANONYMOUS_USERS_CANNOT_SIGN_IN_AGAIN_ANONYMOUSLY", "Anonymous users cannot sign in again anonymously");
    public static final ErrorCode FAILED_TO_DELETE_ANONYMOUS_USER =
            ErrorCode.of("FAILED_TO_DELETE_ANONYMOUS_USER", "Failed to delete anonymous user");
    public static final ErrorCode FAILED_TO_DELETE_ANONYMOUS_USER_SESSIONS =
            ErrorCode.of("FAILED_TO_DELETE_ANONYMOUS_USER_SESSIONS", "Failed to delete anonymous user sessions");
    public static final ErrorCode USER_IS_NOT_ANONYMOUS = ErrorCode.of("USER_IS_NOT_ANONYMOUS", "User is not anonymous");
    public static final ErrorCode DELETE_ANONYMOUS_USER_DISABLED =
            ErrorCode.of("DELETE_ANONYMOUS_USER_DISABLED", "Deleting anonymous users is disabled");

    private AnonymousErrorCodes() {
    }

    static List<ErrorCode> all() {
        return List.of(INVALID_EMAIL_FORMAT, FAILED_TO_CREATE_USER, COULD_NOT_CREATE_SESSION,
                ANONYMOUS_USERS_CANNOT_SIGN_IN_AGAIN_ANONYMOUSLY, FAILED_TO_DELETE_ANONYMOUS_USER,
                FAILED_TO_DELETE_ANONYMOUS_USER_SESSIONS, USER_IS_NOT_ANONYMOUS, DELETE_ANONYMOUS_USER_DISABLED);
    }
}
