package dev.postern.plugin.username;

import dev.postern.error.ErrorCode;
import java.util.List;

/** Error codes of the {@code username} plugin, with better-auth's messages. */
public final class UsernameErrorCodes {
    public static final ErrorCode INVALID_USERNAME_OR_PASSWORD =
            ErrorCode.of("INVALID_USERNAME_OR_PASSWORD", "Invalid username or password");
    public static final ErrorCode EMAIL_NOT_VERIFIED = ErrorCode.of("EMAIL_NOT_VERIFIED", "Email not verified");
    public static final ErrorCode UNEXPECTED_ERROR = ErrorCode.of("UNEXPECTED_ERROR", "Unexpected error");
    public static final ErrorCode USERNAME_IS_ALREADY_TAKEN =
            ErrorCode.of("USERNAME_IS_ALREADY_TAKEN", "Username is already taken. Please try another.");
    public static final ErrorCode USERNAME_TOO_SHORT = ErrorCode.of("USERNAME_TOO_SHORT", "Username is too short");
    public static final ErrorCode USERNAME_TOO_LONG = ErrorCode.of("USERNAME_TOO_LONG", "Username is too long");
    public static final ErrorCode INVALID_USERNAME = ErrorCode.of("INVALID_USERNAME", "Username is invalid");
    public static final ErrorCode INVALID_DISPLAY_USERNAME =
            ErrorCode.of("INVALID_DISPLAY_USERNAME", "Display username is invalid");
    public static final ErrorCode USERNAME_IS_IMMUTABLE = ErrorCode.of("USERNAME_IS_IMMUTABLE", "Username cannot be updated");

    private UsernameErrorCodes() {
    }

    static List<ErrorCode> all() {
        return List.of(INVALID_USERNAME_OR_PASSWORD, EMAIL_NOT_VERIFIED, UNEXPECTED_ERROR, USERNAME_IS_ALREADY_TAKEN,
                USERNAME_TOO_SHORT, USERNAME_TOO_LONG, INVALID_USERNAME, INVALID_DISPLAY_USERNAME, USERNAME_IS_IMMUTABLE);
    }
}
