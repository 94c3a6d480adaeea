package dev.postern.security;

import dev.postern.error.ErrorCode;
import java.util.List;

/**
 * The codes of the origin, CSRF and redirect checks, with better-auth's messages
 * ({@code packages/core/src/error/codes.ts}); every one is answered with 403.
 */
public final class SecurityErrorCodes {
    /** A cookie-carrying request whose {@code Origin} (or {@code Referer}) is not trusted. */
    public static final ErrorCode INVALID_ORIGIN = ErrorCode.of("INVALID_ORIGIN", "Invalid origin");
    /** A cookie-carrying request with neither {@code Origin} nor {@code Referer}, or with {@code Origin: null}. */
    public static final ErrorCode MISSING_OR_NULL_ORIGIN = ErrorCode.of("MISSING_OR_NULL_ORIGIN", "Missing or null Origin");
    public static final ErrorCode INVALID_CALLBACK_URL = ErrorCode.of("INVALID_CALLBACK_URL", "Invalid callbackURL");
    /** An untrusted {@code redirectTo}; better-auth names it "redirectURL" in the message. */
    public static final ErrorCode INVALID_REDIRECT_URL = ErrorCode.of("INVALID_REDIRECT_URL", "Invalid redirectURL");
    public static final ErrorCode INVALID_ERROR_CALLBACK_URL =
            ErrorCode.of("INVALID_ERROR_CALLBACK_URL", "Invalid errorCallbackURL");
    public static final ErrorCode INVALID_NEW_USER_CALLBACK_URL =
            ErrorCode.of("INVALID_NEW_USER_CALLBACK_URL", "Invalid newUserCallbackURL");
    /** A sign-in form submitted by a cross-site top-level navigation (Fetch Metadata). */
    public static final ErrorCode CROSS_SITE_NAVIGATION_LOGIN_BLOCKED = ErrorCode.of("CROSS_SITE_NAVIGATION_LOGIN_BLOCKED",
            "Cross-site navigation login blocked. This request appears to be a CSRF attack.");

    private SecurityErrorCodes() {
    }

    /** Every code above, for documentation and the OpenAPI document. */
    public static List<ErrorCode> all() {
        return List.of(INVALID_ORIGIN, MISSING_OR_NULL_ORIGIN, INVALID_CALLBACK_URL, INVALID_REDIRECT_URL,
                INVALID_ERROR_CALLBACK_URL, INVALID_NEW_USER_CALLBACK_URL, CROSS_SITE_NAVIGATION_LOGIN_BLOCKED);
    }
}
