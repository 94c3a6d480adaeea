package dev.postern.plugin.phonenumber;

import dev.postern.crypto.Ids;
import dev.postern.http.Status;
import dev.postern.store.Row;
import dev.postern.verification.VerificationService;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * One-time codes for a phone number, stored as better-auth stores them: identifier
 * {@code phone-number-otp-<number>} (verification) or {@code phone-number-reset-<number>} (password
 * reset), value {@code <code>:<wrong attempts>}, expiring after {@code expiresIn}.
 *
 * <p>Checking follows better-auth's race-safe order: the row is consumed (deleted) before the code is
 * compared, so one code can never pass two concurrent checks; a wrong code within the attempt budget is
 * written back with its counter raised and its original expiry.
 */
final class PhoneOtps {
    private static final String DIGITS = "0123456789";

    /** What happens to a row once its code matched. */
    enum OnSuccess {
        /** Spent. */
        CONSUME,
        /** Written back unchanged, to be spent by a second check inside the write it guards. */
        RESTORE
    }

    private final PhoneNumberOptions options;
    private final Clock clock;

    PhoneOtps(PhoneNumberOptions options, Clock clock) {
        this.options = options;
        this.clock = clock;
    }

    static String verificationIdentifier(String phoneNumber) {
        return "phone-number-otp-" + phoneNumber;
    }

    static String resetIdentifier(String phoneNumber) {
        return "phone-number-reset-" + phoneNumber;
    }

    String newCode() {
        return Ids.random(options.otpLength(), DIGITS);
    }

    /** Stores {@code code} with no wrong attempts yet. */
    void store(VerificationService verifications, String identifier, String code) {
        verifications.create(identifier, code + ":0", options.expiresIn());
    }

    /** Checks {@code provided} against the code stored under {@code identifier}, or throws better-auth's error. */
    void check(VerificationService verifications, String identifier, String provided, OnSuccess onSuccess) {
        Row existing = verifications.findLatest(identifier)
                .orElseThrow(() -> PhoneNumberErrorCodes.OTP_NOT_FOUND.toException(Status.BAD_REQUEST));
        if (!verifications.isUnexpired(existing)) {
            verifications.delete(identifier);
            throw PhoneNumberErrorCodes.OTP_EXPIRED.toException(Status.BAD_REQUEST);
        }
        if (attempts(existing.string("value")) >= options.allowedAttempts()) {
            verifications.delete(identifier);
            throw PhoneNumberErrorCodes.TOO_MANY_ATTEMPTS.toException(Status.FORBIDDEN);
        }
        Row consumed = verifications.consume(identifier)
                .orElseThrow(() -> PhoneNumberErrorCodes.INVALID_OTP.toException(Status.BAD_REQUEST));
        String value = consumed.string("value");
        String code = value.contains(":") ? value.substring(0, value.indexOf(':')) : value;
        int attempts = attempts(value);
        if (attempts >= options.allowedAttempts()) {
            throw PhoneNumberErrorCodes.TOO_MANY_ATTEMPTS.toException(Status.FORBIDDEN);
        }
        Duration left = remaining(consumed);
        if (!MessageDigest.isEqual(code.getBytes(StandardCharsets.UTF_8), provided.getBytes(StandardCharsets.UTF_8))) {
            if (!left.isNegative() && !left.isZero()) {
                verifications.create(identifier, code + ":" + (attempts + 1), left);
            }
            throw PhoneNumberErrorCodes.INVALID_OTP.toException(Status.BAD_REQUEST);
        }
        if (onSuccess == OnSuccess.RESTORE) {
            if (verifications.findLatest(identifier).isPresent()) {
                // Someone stored a new code meanwhile: this one is no longer the current code.
                throw PhoneNumberErrorCodes.INVALID_OTP.toException(Status.BAD_REQUEST);
            }
            verifications.create(identifier, value, left);
        }
    }

    private Duration remaining(Row row) {
        Instant expiresAt = row.instant("expiresAt");
        return Duration.between(clock.instant(), expiresAt);
    }

    /** The counter after the colon; anything unreadable counts as none, as in better-auth. */
    static int attempts(String value) {
        int colon = value == null ? -1 : value.indexOf(':');
        if (colon < 0) {
            return 0;
        }
        try {
            return Math.max(0, Integer.parseInt(value.substring(colon + 1).split(":")[0]));
        } catch (NumberFormatException unreadable) {
            return 0;
        }
    }
}
