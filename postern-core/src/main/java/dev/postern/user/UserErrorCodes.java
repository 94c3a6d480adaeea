package dev.postern.user;

import dev.postern.error.ErrorCode;

/**
 * better-auth's error codes about users and their accounts, with its messages
 * ({@code packages/core/src/error/codes.ts}). Every feature that creates, finds or changes users answers
 * with these, so they live beside {@link UserService} rather than in one plugin.
 */
public final class UserErrorCodes {
    public static final ErrorCode USER_NOT_FOUND = ErrorCode.of("USER_NOT_FOUND", "User not found");
    public static final ErrorCode FAILED_TO_CREATE_USER = ErrorCode.of("FAILED_TO_CREATE_USER", "Failed to create user");
    public static final ErrorCode FAILED_TO_UPDATE_USER = ErrorCode.of("FAILED_TO_UPDATE_USER", "Failed to update user");
    public static final ErrorCode USER_ALREADY_EXISTS = ErrorCode.of("USER_ALREADY_EXISTS", "User already exists.");
    public static final ErrorCode USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL =
            ErrorCode.of("USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL", "User already exists. Use another email.");
    public static final ErrorCode INVALID_EMAIL = ErrorCode.of("INVALID_EMAIL", "Invalid email");
    public static final ErrorCode INVALID_USER = ErrorCode.of("INVALID_USER", "Invalid user");
    public static final ErrorCode EMAIL_CAN_NOT_BE_UPDATED = ErrorCode.of("EMAIL_CAN_NOT_BE_UPDATED", "Email can not be updated");
    public static final ErrorCode ACCOUNT_NOT_FOUND = ErrorCode.of("ACCOUNT_NOT_FOUND", "Account not found");
    public static final ErrorCode CREDENTIAL_ACCOUNT_NOT_FOUND =
            ErrorCode.of("CREDENTIAL_ACCOUNT_NOT_FOUND", "Credential account not found");
    public static final ErrorCode FAILED_TO_UNLINK_LAST_ACCOUNT =
            ErrorCode.of("FAILED_TO_UNLINK_LAST_ACCOUNT", "You can't unlink your last account");

    private UserErrorCodes() {
    }
}
