package dev.postern.plugin.openapi;

import java.util.Map;

/**
 * The HTTP status each error code is answered with, so the document can put an endpoint's codes under
 * the right response. Error codes are declared without a status ({@code ErrorCode}) because a few are
 * thrown with different ones; this table records the usual status of each, as the endpoints throw them,
 * and a code missing from it is documented under 400, the status most codes use.
 */
final class ErrorStatuses {
    private ErrorStatuses() {
    }

    private static final Map<String, Integer> NOT_BAD_REQUEST = Map.ofEntries(
            Map.entry("UNAUTHORIZED", 401),
            Map.entry("FAILED_TO_GET_SESSION", 401),
            Map.entry("INVALID_EMAIL_OR_PASSWORD", 401),
            Map.entry("EMAIL_NOT_VERIFIED", 403),
            Map.entry("SESSION_NOT_FRESH", 403),
            Map.entry("INVALID_CALLBACK_URL", 403),
            Map.entry("INVALID_REDIRECT_URL", 403),
            Map.entry("INVALID_ORIGIN", 403),
            Map.entry("MISSING_OR_NULL_ORIGIN", 403),
            Map.entry("CROSS_SITE_NAVIGATION_LOGIN_BLOCKED", 403),
            Map.entry("FAILED_TO_GET_USER_INFO", 404),
            Map.entry("NOT_FOUND", 404),
            Map.entry("METHOD_NOT_ALLOWED_DEFER_SESSION_REQUIRED", 405),
            Map.entry("FAILED_TO_CREATE_USER", 422),
            Map.entry("FAILED_TO_UPDATE_USER", 422),
            Map.entry("USER_ALREADY_EXISTS", 422),
            Map.entry("USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL", 422));

    static int of(String code) {
        return NOT_BAD_REQUEST.getOrDefault(code, 400);
    }
}
