package dev.postern.plugin.admin;

import dev.postern.error.ErrorCode;
import java.util.List;

/** Error codes of the {@code admin} plugin, with better-auth 1.7.25's messages. */
public final class AdminErrorCodes {
    public static final ErrorCode FAILED_TO_CREATE_USER = ErrorCode.of("FAILED_TO_CREATE_USER", "Failed to create user");
    public static final ErrorCode USER_ALREADY_EXISTS = ErrorCode.of("USER_ALREADY_EXISTS", "User already exists.");
    public static final ErrorCode USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL =
            ErrorCode.of("USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL", "User already exists. Use another email.");
    public static final ErrorCode YOU_CANNOT_BAN_YOURSELF = ErrorCode.of("YOU_CANNOT_BAN_YOURSELF", "You cannot ban yourself");
    public static final ErrorCode YOU_ARE_NOT_ALLOWED_TO_CHANGE_USERS_ROLE =
            ErrorCode.of("YOU_ARE_NOT_ALLOWED_TO_CHANGE_USERS_ROLE", "You are not allowed to change users role");
    public static final ErrorCode YOU_ARE_NOT_ALLOWED_TO_CREATE_USERS =
            ErrorCode.of("YOU_ARE_NOT_ALLOWED_TO_CREATE_USERS", "You are not allowed to create users");
    public static final ErrorCode YOU_ARE_NOT_ALLOWED_TO_LIST_USERS =
            ErrorCode.of("YOU_ARE_NOT_ALLOWED_TO_LIST_USERS", "You are not allowed to list users");
    public static final ErrorCode YOU_ARE_NOT_ALLOWED_TO_LIST_USERS_SESSIONS =
            ErrorCode.of("YOU_ARE_NOT_ALLOWED_TO_LIST_USERS_SESSIONS", "You are not allowed to list users sessions");
    public static final ErrorCode YOU_ARE_NOT_ALLOWED_TO_BAN_USERS =
            ErrorCode.of("YOU_ARE_NOT_ALLOWED_TO_BAN_USERS", "You are not allowed to ban users");
    public static final ErrorCode YOU_ARE_NOT_ALLOWED_TO_IMPERSONATE_USERS =
            ErrorCode.of("YOU_ARE_NOT_ALLOWED_TO_IMPERSONATE_USERS", "You are not allowed to impersonate users");
    public static final ErrorCode YOU_ARE_NOT_ALLOWED_TO_REVOKE_USERS_SESSIONS =
            ErrorCode.of("YOU_ARE_NOT_ALLOWED_TO_REVOKE_USERS_SESSIONS", "You are not allowed to revoke users sessions");
    public static final ErrorCode YOU_ARE_NOT_ALLOWED_TO_DELETE_USERS =
            ErrorCode.of("YOU_ARE_NOT_ALLOWED_TO_DELETE_USERS", "You are not allowed to delete users");
    public static final ErrorCode YOU_ARE_NOT_ALLOWED_TO_SET_USERS_PASSWORD =
            ErrorCode.of("YOU_ARE_NOT_ALLOWED_TO_SET_USERS_PASSWORD", "You are not allowed to set users password");
    public static final ErrorCode BANNED_USER = ErrorCode.of("BANNED_USER", "You have been banned from this application");
    public static final ErrorCode YOU_ARE_NOT_ALLOWED_TO_GET_USER =
            ErrorCode.of("YOU_ARE_NOT_ALLOWED_TO_GET_USER", "You are not allowed to get user");
    public static final ErrorCode NO_DATA_TO_UPDATE = ErrorCode.of("NO_DATA_TO_UPDATE", "No data to update");
    public static final ErrorCode YOU_ARE_NOT_ALLOWED_TO_UPDATE_USERS =
            ErrorCode.of("YOU_ARE_NOT_ALLOWED_TO_UPDATE_USERS", "You are not allowed to update users");
    public static final ErrorCode YOU_CANNOT_REMOVE_YOURSELF =
            ErrorCode.of("YOU_CANNOT_REMOVE_YOURSELF", "You cannot remove yourself");
    public static final ErrorCode YOU_ARE_NOT_ALLOWED_TO_SET_NON_EXISTENT_VALUE = ErrorCode.of(
            "YOU_ARE_NOT_ALLOWED_TO_SET_NON_EXISTENT_VALUE", "You are not allowed to set a non-existent role value");
    public static final ErrorCode YOU_CANNOT_IMPERSONATE_ADMINS =
            ErrorCode.of("YOU_CANNOT_IMPERSONATE_ADMINS", "You cannot impersonate admins");
    public static final ErrorCode INVALID_ROLE_TYPE = ErrorCode.of("INVALID_ROLE_TYPE", "Invalid role type");
    public static final ErrorCode YOU_ARE_NOT_ALLOWED_TO_SET_USERS_EMAIL =
            ErrorCode.of("YOU_ARE_NOT_ALLOWED_TO_SET_USERS_EMAIL", "You are not allowed to update users email");
    public static final ErrorCode YOU_ARE_NOT_ALLOWED_TO_SET_USERS_PHONE_NUMBER = ErrorCode.of(
            "YOU_ARE_NOT_ALLOWED_TO_SET_USERS_PHONE_NUMBER", "You are not allowed to update users phone number");
    public static final ErrorCode PASSWORD_CANNOT_BE_UPDATED_VIA_UPDATE_USER = ErrorCode.of(
            "PASSWORD_CANNOT_BE_UPDATED_VIA_UPDATE_USER",
            "Password cannot be updated through update-user. Use the set-user-password endpoint instead");
    public static final ErrorCode USER_ID_CANNOT_BE_UPDATED =
            ErrorCode.of("USER_ID_CANNOT_BE_UPDATED", "User id cannot be updated");

    private AdminErrorCodes() {
    }

    static List<ErrorCode> all() {
        return List.of(FAILED_TO_CREATE_USER, USER_ALREADY_EXISTS, USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL,
                YOU_CANNOT_BAN_YOURSELF, YOU_ARE_NOT_ALLOWED_TO_CHANGE_USERS_ROLE, YOU_ARE_NOT_ALLOWED_TO_CREATE_USERS,
                YOU_ARE_NOT_ALLOWED_TO_LIST_USERS, YOU_ARE_NOT_ALLOWED_TO_LIST_USERS_SESSIONS,
                YOU_ARE_NOT_ALLOWED_TO_BAN_USERS, YOU_ARE_NOT_ALLOWED_TO_IMPERSONATE_USERS,
                YOU_ARE_NOT_ALLOWED_TO_REVOKE_USERS_SESSIONS, YOU_ARE_NOT_ALLOWED_TO_DELETE_USERS,
                YOU_ARE_NOT_ALLOWED_TO_SET_USERS_PASSWORD, BANNED_USER, YOU_ARE_NOT_ALLOWED_TO_GET_USER,
                NO_DATA_TO_UPDATE, YOU_ARE_NOT_ALLOWED_TO_UPDATE_USERS, YOU_CANNOT_REMOVE_YOURSELF,
                YOU_ARE_NOT_ALLOWED_TO_SET_NON_EXISTENT_VALUE, YOU_CANNOT_IMPERSONATE_ADMINS, INVALID_ROLE_TYPE,
                YOU_ARE_NOT_ALLOWED_TO_SET_USERS_EMAIL, YOU_ARE_NOT_ALLOWED_TO_SET_USERS_PHONE_NUMBER,
                PASSWORD_CANNOT_BE_UPDATED_VIA_UPDATE_USER, USER_ID_CANNOT_BE_UPDATED);
    }
}
