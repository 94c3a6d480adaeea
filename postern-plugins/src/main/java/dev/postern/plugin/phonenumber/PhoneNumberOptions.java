package dev.postern.plugin.phonenumber;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Options of the {@code phone-number} plugin, as better-auth's {@code phoneNumber({...})} takes them.
 *
 * @param otpLength digits in a code (6)
 * @param expiresIn how long a code stays valid (300 s)
 * @param allowedAttempts wrong guesses a code survives before it is dropped (3)
 * @param requireVerification sign-in and password reset only for verified numbers (false)
 * @param phoneNumberValidator accepts a number before a code is sent or a sign-in is tried; null accepts any
 * @param signUpOnVerification creates a user for an unknown number on verification; null never does
 * @param sms delivers the codes; null answers {@code /phone-number/send-otp} with 501
 *     {@code SEND_OTP_NOT_IMPLEMENTED}, as better-auth does without {@code sendOTP}
 * @param otpMessage text of a verification SMS, {@code {code}} replaced by the code
 * @param passwordResetMessage text of a password-reset SMS, {@code {code}} replaced by the code
 */
public record PhoneNumberOptions(int otpLength, Duration expiresIn, int allowedAttempts, boolean requireVerification,
                                 Predicate<String> phoneNumberValidator, SignUpOnVerification signUpOnVerification,
                                 SmsSender sms, String otpMessage, String passwordResetMessage) {
    public static final String DEFAULT_OTP_MESSAGE = "Your verification code is {code}";
    public static final String DEFAULT_PASSWORD_RESET_MESSAGE = "Your password reset code is {code}";

    public PhoneNumberOptions {
        if (otpLength < 1 || otpLength > 32) {
            throw new IllegalArgumentException("otpLength must be between 1 and 32: " + otpLength);
        }
        Objects.requireNonNull(expiresIn, "expiresIn");
        if (expiresIn.isNegative() || expiresIn.isZero()) {
            throw new IllegalArgumentException("expiresIn must be positive");
        }
        if (allowedAttempts < 1) {
            throw new IllegalArgumentException("allowedAttempts must be at least 1: " + allowedAttempts);
        }
        Objects.requireNonNull(otpMessage, "otpMessage");
        Objects.requireNonNull(passwordResetMessage, "passwordResetMessage");
    }

    /** better-auth's defaults, with codes delivered by {@code sms}. */
    public static PhoneNumberOptions withSender(SmsSender sms) {
        return new PhoneNumberOptions(6, Duration.ofSeconds(300), 3, false, null, null, sms,
                DEFAULT_OTP_MESSAGE, DEFAULT_PASSWORD_RESET_MESSAGE);
    }

    public PhoneNumberOptions withRequireVerification(boolean value) {
        return new PhoneNumberOptions(otpLength, expiresIn, allowedAttempts, value, phoneNumberValidator,
                signUpOnVerification, sms, otpMessage, passwordResetMessage);
    }

    public PhoneNumberOptions withSignUpOnVerification(SignUpOnVerification value) {
        return new PhoneNumberOptions(otpLength, expiresIn, allowedAttempts, requireVerification, phoneNumberValidator,
                value, sms, otpMessage, passwordResetMessage);
    }

    public PhoneNumberOptions withPhoneNumberValidator(Predicate<String> value) {
        return new PhoneNumberOptions(otpLength, expiresIn, allowedAttempts, requireVerification, value,
                signUpOnVerification, sms, otpMessage, passwordResetMessage);
    }

    public PhoneNumberOptions withCodes(int length, Duration lifetime, int attempts) {
        return new PhoneNumberOptions(length, lifetime, attempts, requireVerification, phoneNumberValidator,
                signUpOnVerification, sms, otpMessage, passwordResetMessage);
    }

    boolean acceptsNumber(String phoneNumber) {
        return phoneNumberValidator == null || phoneNumberValidator.test(phoneNumber);
    }

    /**
     * better-auth's {@code signUpOnVerification: {getTempEmail, getTempName}}: the e-mail address and name
     * of a user created for a verified number that has no account yet.
     *
     * @param getTempEmail the address for a number (required: better-auth's users always have one)
     * @param getTempName the name for a number; null uses the number itself
     */
    public record SignUpOnVerification(Function<String, String> getTempEmail, Function<String, String> getTempName) {
        public SignUpOnVerification {
            Objects.requireNonNull(getTempEmail, "getTempEmail");
        }

        String nameFor(String phoneNumber) {
            return getTempName == null ? phoneNumber : getTempName.apply(phoneNumber);
        }
    }
}
