package dev.postern.session;

import dev.postern.error.ErrorCode;
import java.util.List;

/**
 * Error codes of sessions and their guards, with better-auth's messages
 * ({@code packages/core/src/error/codes.ts}).
 */
public final class SessionErrorCodes {
    /** 401 from every session guard. */
    public static final ErrorCode UNAUTHORIZED = ErrorCode.of("UNAUTHORIZED", "Unauthorized");
    /** 403 from {@link SessionService#requireFresh}: the session is older than {@code freshAge}. */
    public static final ErrorCode SESSION_NOT_FRESH = ErrorCode.of("SESSION_NOT_FRESH", "Session is not fresh");
    /** 400 for actions that need a recent sign-in and offer no other proof (delete-user without password). */
    public static final ErrorCode SESSION_EXPIRED =
            ErrorCode.of("SESSION_EXPIRED", "Session expired. Re-authenticate to perform this action.");
    /** 401 when a session vanished while it was being extended or updated. */
    public static final ErrorCode FAILED_TO_GET_SESSION = ErrorCode.of("FAILED_TO_GET_SESSION", "Failed to get session");
    /** 405 for {@code POST /get-session} without {@code deferRefresh}. */
    public static final ErrorCode METHOD_NOT_ALLOWED_DEFER_SESSION_REQUIRED = ErrorCode.of(
            "METHOD_NOT_ALLOWED_DEFER_SESSION_REQUIRED",
            "POST method requires deferSessionRefresh to be enabled in session config");

    private SessionErrorCodes() {
    }

    public static List<ErrorCode> all() {
        return List.of(UNAUTHORIZED, SESSION_NOT_FRESH, SESSION_EXPIRED, FAILED_TO_GET_SESSION,
                METHOD_NOT_ALLOWED_DEFER_SESSION_REQUIRED);
    }
}
