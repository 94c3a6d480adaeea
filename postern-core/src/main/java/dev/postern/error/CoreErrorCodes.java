package dev.postern.error;

/**
 * Error codes of the engine itself, with better-auth's messages (see {@code packages/core/src/error/codes.ts}).
 * Feature codes live with their plugin.
 */
public final class CoreErrorCodes {
    public static final ErrorCode VALIDATION_ERROR = ErrorCode.of("VALIDATION_ERROR", "Validation Error");
    public static final ErrorCode BAD_REQUEST_INVALID_JSON = ErrorCode.of("BAD_REQUEST", "Invalid JSON in request body");
    public static final ErrorCode UNSUPPORTED_MEDIA_TYPE = ErrorCode.of("UNSUPPORTED_MEDIA_TYPE", "Unsupported media type");
    public static final ErrorCode BODY_MUST_BE_AN_OBJECT = ErrorCode.of("BODY_MUST_BE_AN_OBJECT", "Body must be an object");
    public static final ErrorCode PAYLOAD_TOO_LARGE = ErrorCode.of("PAYLOAD_TOO_LARGE", "Request body is too large");
    public static final ErrorCode FIELD_NOT_ALLOWED = ErrorCode.of("FIELD_NOT_ALLOWED", "Field not allowed to be set");
    public static final ErrorCode MISSING_FIELD = ErrorCode.of("MISSING_FIELD", "Field is required");
    public static final ErrorCode UNAUTHORIZED = ErrorCode.of("UNAUTHORIZED", "Unauthorized");
    // Postern's own, for hostile input better-auth would answer with a 500 or let through (docs/security.md).
    public static final ErrorCode INVALID_UTF8 = ErrorCode.of("BAD_REQUEST", "Request body is not valid UTF-8");
    public static final ErrorCode NUL_CHARACTER =
            ErrorCode.of("BAD_REQUEST", "Request contains a NUL character, which cannot be stored");
    public static final ErrorCode UNSAFE_HEADER_VALUE =
            ErrorCode.of("BAD_REQUEST", "The response would carry a control character in a header");
    public static final ErrorCode DATABASE_UNAVAILABLE =
            ErrorCode.of("DATABASE_UNAVAILABLE", "The database is unavailable. Please try again later.");
    public static final ErrorCode SECONDARY_STORAGE_UNAVAILABLE = ErrorCode.of("SECONDARY_STORAGE_UNAVAILABLE",
            "The secondary storage is unavailable. Please try again later.");

    private CoreErrorCodes() {
    }
}
