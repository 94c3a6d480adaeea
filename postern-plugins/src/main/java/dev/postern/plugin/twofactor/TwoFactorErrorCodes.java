package dev.postern.plugin.twofactor;

import dev.postern.error.ErrorCode;
import java.util.List;

/** better-auth's two-factor error codes ({@code plugins/two-factor/error-code.ts}), with its messages. */
public final class TwoFactorErrorCodes {
    public static final ErrorCode OTP_NOT_ENABLED = ErrorCode.of("OTP_NOT_ENABLED", "OTP not enabled");
    public static final ErrorCode OTP_NOT_CONFIGURED = ErrorCode.of("OTP_NOT_CONFIGURED", "OTP is not available");
    public static final ErrorCode OTP_HAS_EXPIRED = ErrorCode.of("OTP_HAS_EXPIRED", "OTP has expired");
    public static final ErrorCode TOTP_NOT_ENABLED = ErrorCode.of("TOTP_NOT_ENABLED", "TOTP not enabled");
    public static final ErrorCode TOTP_ALREADY_ENABLED = ErrorCode.of("TOTP_ALREADY_ENABLED", "TOTP is already enabled");
    public static final ErrorCode TOTP_NOT_CONFIGURED = ErrorCode.of("TOTP_NOT_CONFIGURED", "TOTP is not available");
    public static final ErrorCode TWO_FACTOR_NOT_ENABLED = ErrorCode.of("TWO_FACTOR_NOT_ENABLED", "Two factor isn't enabled");
    public static final ErrorCode BACKUP_CODES_NOT_ENABLED =
            ErrorCode.of("BACKUP_CODES_NOT_ENABLED", "Backup codes aren't enabled");
    public static final ErrorCode INVALID_BACKUP_CODE = ErrorCode.of("INVALID_BACKUP_CODE", "Invalid backup code");
    public static final ErrorCode INVALID_CODE = ErrorCode.of("INVALID_CODE", "Invalid code");
    public static final ErrorCode TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE =
            ErrorCode.of("TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE", "Too many attempts. Please request a new code.");
    public static final ErrorCode ACCOUNT_TEMPORARILY_LOCKED = ErrorCode.of("ACCOUNT_TEMPORARILY_LOCKED",
            "Too many failed verification attempts. Your account is temporarily locked. Please try again later.");
    public static final ErrorCode INVALID_TWO_FACTOR_COOKIE =
            ErrorCode.of("INVALID_TWO_FACTOR_COOKIE", "Invalid two factor cookie");
    /** Thrown inline by the TOTP endpoints when TOTP is switched off (lower-case message, as better-auth). */
    static final ErrorCode TOTP_SWITCHED_OFF = ErrorCode.of("TOTP_NOT_CONFIGURED", "totp isn't configured");
    /** Thrown inline by send-otp when no sender is configured. */
    static final ErrorCode OTP_SWITCHED_OFF = ErrorCode.of("OTP_NOT_CONFIGURED", "otp isn't configured");

    private TwoFactorErrorCodes() {
    }

    public static List<ErrorCode> all() {
        return List.of(OTP_NOT_ENABLED, OTP_NOT_CONFIGURED, OTP_HAS_EXPIRED, TOTP_NOT_ENABLED, TOTP_ALREADY_ENABLED,
                TOTP_NOT_CONFIGURED, TWO_FACTOR_NOT_ENABLED, BACKUP_CODES_NOT_ENABLED, INVALID_BACKUP_CODE, INVALID_CODE,
                TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE, ACCOUNT_TEMPORARILY_LOCKED, INVALID_TWO_FACTOR_COOKIE);
    }
}
