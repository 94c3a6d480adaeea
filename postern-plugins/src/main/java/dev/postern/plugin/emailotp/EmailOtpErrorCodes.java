package dev.postern.plugin.emailotp;

import dev.postern.error.ErrorCode;
import dev.postern.plugin.emailpassword.EmailPasswordErrorCodes;
import dev.postern.user.UserErrorCodes;
import java.util.List;

/** better-auth's {@code EMAIL_OTP_ERROR_CODES}, and the base codes the plugin's routes answer with. */
public final class EmailOtpErrorCodes {
    public static final ErrorCode OTP_EXPIRED = ErrorCode.of("OTP_EXPIRED", "OTP expired");
    public static final ErrorCode INVALID_OTP = ErrorCode.of("INVALID_OTP", "Invalid OTP");
    public static final ErrorCode TOO_MANY_ATTEMPTS = ErrorCode.of("TOO_MANY_ATTEMPTS", "Too many attempts");

    private EmailOtpErrorCodes() {
    }

    public static List<ErrorCode> all() {
        return List.of(OTP_EXPIRED, INVALID_OTP, TOO_MANY_ATTEMPTS, UserErrorCodes.INVALID_EMAIL,
                UserErrorCodes.USER_NOT_FOUND, EmailPasswordErrorCodes.PASSWORD_TOO_SHORT,
                EmailPasswordErrorCodes.PASSWORD_TOO_LONG);
    }
}
