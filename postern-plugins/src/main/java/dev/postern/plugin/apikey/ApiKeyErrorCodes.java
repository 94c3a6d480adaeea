package dev.postern.plugin.apikey;

import dev.postern.error.ErrorCode;
import java.util.List;

/** The api-key plugin's error codes, with better-auth's messages ({@code @better-auth/api-key} 1.7.5). */
public final class ApiKeyErrorCodes {
    public static final ErrorCode INVALID_METADATA_TYPE = ErrorCode.of("INVALID_METADATA_TYPE", "metadata must be an object or undefined");
    public static final ErrorCode REFILL_AMOUNT_AND_INTERVAL_REQUIRED = ErrorCode.of("REFILL_AMOUNT_AND_INTERVAL_REQUIRED", "refillAmount is required when refillInterval is provided");
    public static final ErrorCode REFILL_INTERVAL_AND_AMOUNT_REQUIRED = ErrorCode.of("REFILL_INTERVAL_AND_AMOUNT_REQUIRED", "refillInterval is required when refillAmount is provided");
    public static final ErrorCode USER_BANNED = ErrorCode.of("USER_BANNED", "User is banned");
    public static final ErrorCode UNAUTHORIZED_SESSION = ErrorCode.of("UNAUTHORIZED_SESSION", "Unauthorized or invalid session");
    public static final ErrorCode KEY_NOT_FOUND = ErrorCode.of("KEY_NOT_FOUND", "API Key not found");
    public static final ErrorCode KEY_DISABLED = ErrorCode.of("KEY_DISABLED", "API Key is disabled");
    public static final ErrorCode KEY_EXPIRED = ErrorCode.of("KEY_EXPIRED", "API Key has expired");
    public static final ErrorCode USAGE_EXCEEDED = ErrorCode.of("USAGE_EXCEEDED", "API Key has reached its usage limit");
    public static final ErrorCode KEY_NOT_RECOVERABLE = ErrorCode.of("KEY_NOT_RECOVERABLE", "API Key is not recoverable");
    public static final ErrorCode EXPIRES_IN_IS_TOO_SMALL = ErrorCode.of("EXPIRES_IN_IS_TOO_SMALL", "The expiresIn is smaller than the predefined minimum value.");
    public static final ErrorCode EXPIRES_IN_IS_TOO_LARGE = ErrorCode.of("EXPIRES_IN_IS_TOO_LARGE", "The expiresIn is larger than the predefined maximum value.");
    public static final ErrorCode INVALID_REMAINING = ErrorCode.of("INVALID_REMAINING", "The remaining count is either too large or too small.");
    public static final ErrorCode INVALID_PREFIX_LENGTH = ErrorCode.of("INVALID_PREFIX_LENGTH", "The prefix length is either too large or too small.");
    public static final ErrorCode INVALID_NAME_LENGTH = ErrorCode.of("INVALID_NAME_LENGTH", "The name length is either too large or too small.");
    public static final ErrorCode METADATA_DISABLED = ErrorCode.of("METADATA_DISABLED", "Metadata is disabled.");
    public static final ErrorCode RATE_LIMIT_EXCEEDED = ErrorCode.of("RATE_LIMIT_EXCEEDED", "Rate limit exceeded.");
    /** What a per-key rate limit answers: better-auth throws RATE_LIMIT_EXCEEDED's message under this code. */
    public static final ErrorCode RATE_LIMITED = ErrorCode.of("RATE_LIMITED", "Rate limit exceeded.");
    public static final ErrorCode NO_VALUES_TO_UPDATE = ErrorCode.of("NO_VALUES_TO_UPDATE", "No values to update.");
    public static final ErrorCode KEY_DISABLED_EXPIRATION = ErrorCode.of("KEY_DISABLED_EXPIRATION", "Custom key expiration values are disabled.");
    public static final ErrorCode INVALID_API_KEY = ErrorCode.of("INVALID_API_KEY", "Invalid API key.");
    public static final ErrorCode INVALID_USER_ID_FROM_API_KEY = ErrorCode.of("INVALID_USER_ID_FROM_API_KEY", "The user id from the API key is invalid.");
    public static final ErrorCode INVALID_REFERENCE_ID_FROM_API_KEY = ErrorCode.of("INVALID_REFERENCE_ID_FROM_API_KEY", "The reference id from the API key is invalid.");
    public static final ErrorCode SERVER_ONLY_PROPERTY = ErrorCode.of("SERVER_ONLY_PROPERTY", "The property you're trying to set can only be set from the server auth instance only.");
    public static final ErrorCode FAILED_TO_UPDATE_API_KEY = ErrorCode.of("FAILED_TO_UPDATE_API_KEY", "Failed to update API key");
    public static final ErrorCode NAME_REQUIRED = ErrorCode.of("NAME_REQUIRED", "API Key name is required.");
    public static final ErrorCode ORGANIZATION_ID_REQUIRED = ErrorCode.of("ORGANIZATION_ID_REQUIRED", "Organization ID is required for organization-owned API keys.");
    public static final ErrorCode USER_NOT_MEMBER_OF_ORGANIZATION = ErrorCode.of("USER_NOT_MEMBER_OF_ORGANIZATION", "You are not a member of the organization that owns this API key.");
    public static final ErrorCode INSUFFICIENT_API_KEY_PERMISSIONS = ErrorCode.of("INSUFFICIENT_API_KEY_PERMISSIONS", "You do not have permission to perform this action on organization API keys.");
    public static final ErrorCode NO_DEFAULT_API_KEY_CONFIGURATION_FOUND = ErrorCode.of("NO_DEFAULT_API_KEY_CONFIGURATION_FOUND", "No default api-key configuration found.");
    public static final ErrorCode ORGANIZATION_PLUGIN_REQUIRED = ErrorCode.of("ORGANIZATION_PLUGIN_REQUIRED", "Organization plugin is required for organization-owned API keys. Please install and configure the organization plugin.");

    static final List<ErrorCode> ALL = List.of(INVALID_METADATA_TYPE, REFILL_AMOUNT_AND_INTERVAL_REQUIRED,
            REFILL_INTERVAL_AND_AMOUNT_REQUIRED, USER_BANNED, UNAUTHORIZED_SESSION, KEY_NOT_FOUND, KEY_DISABLED,
            KEY_EXPIRED, USAGE_EXCEEDED, KEY_NOT_RECOVERABLE, EXPIRES_IN_IS_TOO_SMALL, EXPIRES_IN_IS_TOO_LARGE,
            INVALID_REMAINING, INVALID_PREFIX_LENGTH, INVALID_NAME_LENGTH, METADATA_DISABLED, RATE_LIMIT_EXCEEDED,
            RATE_LIMITED, NO_VALUES_TO_UPDATE, KEY_DISABLED_EXPIRATION, INVALID_API_KEY, INVALID_USER_ID_FROM_API_KEY,
            INVALID_REFERENCE_ID_FROM_API_KEY, SERVER_ONLY_PROPERTY, FAILED_TO_UPDATE_API_KEY, NAME_REQUIRED,
            ORGANIZATION_ID_REQUIRED, USER_NOT_MEMBER_OF_ORGANIZATION, INSUFFICIENT_API_KEY_PERMISSIONS,
            NO_DEFAULT_API_KEY_CONFIGURATION_FOUND, ORGANIZATION_PLUGIN_REQUIRED);

    private ApiKeyErrorCodes() {
    }
}
