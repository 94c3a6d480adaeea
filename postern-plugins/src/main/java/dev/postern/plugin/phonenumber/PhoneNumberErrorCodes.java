package dev.postern.plugin.phonenumber;

import dev.postern.error.ErrorCode;
import java.util.List;

/** Error codes of the phone-number plugin, with better-auth's messages, plus the SMS delivery failure. */
public final class PhoneNumberErrorCodes {
    public static final ErrorCode INVALID_PHONE_NUMBER = ErrorCode.of("INVALID_PHONE_NUMBER", "Invalid phone number");
    public static final ErrorCode PHONE_NUMBER_EXIST = ErrorCode.of("PHONE_NUMBER_EXIST", "Phone number already exists");
    public static final ErrorCode PHONE_NUMBER_NOT_EXIST = ErrorCode.of("PHONE_NUMBER_NOT_EXIST", "phone number isn't registered");
    public static final ErrorCode INVALID_PHONE_NUMBER_OR_PASSWORD =
            ErrorCode.of("INVALID_PHONE_NUMBER_OR_PASSWORD", "Invalid phone number or password");
    public static final ErrorCode UNEXPECTED_ERROR = ErrorCode.of("UNEXPECTED_ERROR", "Unexpected error");
    public static final ErrorCode OTP_NOT_FOUND = ErrorCode.of("OTP_NOT_FOUND", "OTP not found");
    public static final ErrorCode OTP_EXPIRED = ErrorCode.of("OTP_EXPIRED", "OTP expired");
    public static final ErrorCode INVALID_OTP = ErrorCode.of("INVALID_OTP", "Invalid OTP");
    public static final ErrorCode PHONE_NUMBER_NOT_VERIFIED = ErrorCode.of("PHONE_NUMBER_NOT_VERIFIED", "Phone number not verified");
    public static final ErrorCode PHONE_NUMBER_PENDING_VERIFICATION =
            ErrorCode.of("PHONE_NUMBER_PENDING_VERIFICATION", "Phone number requires account ownership proof");
    public static final ErrorCode PHONE_NUMBER_CANNOT_BE_UPDATED =
            ErrorCode.of("PHONE_NUMBER_CANNOT_BE_UPDATED", "Phone number cannot be updated");
    public static final ErrorCode PHONE_NUMBER_CANNOT_BE_SET =
            ErrorCode.of("PHONE_NUMBER_CANNOT_BE_SET", "Phone number can only be set by verifying it");
    public static final ErrorCode SEND_OTP_NOT_IMPLEMENTED = ErrorCode.of("SEND_OTP_NOT_IMPLEMENTED", "sendOTP not implemented");
    public static final ErrorCode TOO_MANY_ATTEMPTS = ErrorCode.of("TOO_MANY_ATTEMPTS", "Too many attempts");
    /**
     * Postern's own (better-auth leaves delivery to the application's {@code sendOTP}): the SMS provider
     * refused or could not be reached, answered 502 so a client can tell it from its own mistakes.
     */
    public static final ErrorCode SMS_DELIVERY_FAILED = ErrorCode.of("SMS_DELIVERY_FAILED", "Failed to send the SMS");

    private PhoneNumberErrorCodes() {
    }

    public static List<ErrorCode> all() {
        return List.of(INVALID_PHONE_NUMBER, PHONE_NUMBER_EXIST, PHONE_NUMBER_NOT_EXIST, INVALID_PHONE_NUMBER_OR_PASSWORD,
                UNEXPECTED_ERROR, OTP_NOT_FOUND, OTP_EXPIRED, INVALID_OTP, PHONE_NUMBER_NOT_VERIFIED,
                PHONE_NUMBER_PENDING_VERIFICATION, PHONE_NUMBER_CANNOT_BE_UPDATED, PHONE_NUMBER_CANNOT_BE_SET,
                SEND_OTP_NOT_IMPLEMENTED, TOO_MANY_ATTEMPTS, SMS_DELIVERY_FAILED);
    }
}
