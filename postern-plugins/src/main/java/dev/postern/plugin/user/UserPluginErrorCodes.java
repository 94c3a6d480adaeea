package dev.postern.plugin.user;

import dev.postern.error.ErrorCode;
import dev.postern.session.SessionErrorCodes;
import dev.postern.user.UserErrorCodes;
import java.util.List;

/** Error codes of {@link UserPlugin}'s endpoints, with better-auth's messages. */
public final class UserPluginErrorCodes {
    public static final ErrorCode CHANGE_EMAIL_DISABLED = ErrorCode.of("CHANGE_EMAIL_DISABLED", "Change email is disabled");
    public static final ErrorCode FAILED_TO_GET_USER_INFO = ErrorCode.of("FAILED_TO_GET_USER_INFO", "Failed to get user info");
    /** What {@code /delete-user/callback} answers when deletion is disabled (its sibling answers a bare 404). */
    public static final ErrorCode NOT_FOUND = ErrorCode.of("NOT_FOUND", "Not found");

    private UserPluginErrorCodes() {
    }

    public static List<ErrorCode> all() {
        return List.of(CHANGE_EMAIL_DISABLED, FAILED_TO_GET_USER_INFO, NOT_FOUND, SessionErrorCodes.SESSION_EXPIRED,
                UserErrorCodes.EMAIL_CAN_NOT_BE_UPDATED, UserErrorCodes.ACCOUNT_NOT_FOUND,
                UserErrorCodes.FAILED_TO_UNLINK_LAST_ACCOUNT, UserErrorCodes.CREDENTIAL_ACCOUNT_NOT_FOUND);
    }
}
