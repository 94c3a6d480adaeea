package dev.postern.plugin.emailotp;

import dev.postern.Postern;
import dev.postern.crypto.Ids;
import dev.postern.error.ApiException;
import dev.postern.http.Status;
import dev.postern.mail.MailKind;
import dev.postern.plugin.emailpassword.AuthMails;
import dev.postern.store.Row;
import dev.postern.verification.VerificationService;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Issuing, sending and checking codes as better-auth's email-otp does, in its {@code verification} rows:
 * identifier {@code <type>-otp-<email>} (change of address: {@code change-email-otp-<userId>:<newEmail>}),
 * value {@code <stored code>:<wrong attempts>}, so codes pending in a better-auth database work here.
 */
final class OtpCodes {
    static final String SIGN_IN = "sign-in";
    static final String EMAIL_VERIFICATION = "email-verification";
    static final String FORGET_PASSWORD = "forget-password";
    static final String CHANGE_EMAIL = "change-email";
    static final List<String> TYPES = List.of(EMAIL_VERIFICATION, SIGN_IN, FORGET_PASSWORD, CHANGE_EMAIL);
    private static final String DIGITS = "0123456789";

    private final EmailOtpOptions options;

    OtpCodes(EmailOtpOptions options) {
        this.options = options;
    }

    static String identifier(String type, String email) {
        return type + "-otp-" + email;
    }

    /** The configured generator's code, or random digits (SecureRandom) when there is none or it gave none. */
    String generate(String email, String type) {
        String custom = options.generateOTP() == null ? null : options.generateOTP().apply(email, type);
        return custom != null && !custom.isEmpty() ? custom : Ids.random(options.otpLength(), DIGITS);
    }

    /** A fresh code stored under {@code identifier}, replacing whatever was pending there. */
    String issue(Postern postern, String identifier, String email, String type) {
        String otp = generate(email, type);
        String value = options.storeOTP().store(otp, postern.config().secrets()) + ":0";
        postern.store().transaction(tx -> {
            VerificationService verifications = postern.verifications().in(tx);
            verifications.delete(identifier);
            return verifications.create(identifier, value, options.expiresIn());
        });
        return otp;
    }

    /** better-auth's {@code resolveOTP}: the pending code again under {@code reuse}, else a new one. */
    String resolve(Postern postern, String email, String type) {
        String identifier = identifier(type, email);
        if (options.resendStrategy() == EmailOtpOptions.ResendStrategy.REUSE) {
            Optional<String> reused = reuse(postern, identifier);
            if (reused.isPresent()) {
                return reused.get();
            }
        }
        return issue(postern, identifier, email, type);
    }

    /** The pending code, its expiry renewed, if it is unexpired, has attempts left and can be read back. */
    private Optional<String> reuse(Postern postern, String identifier) {
        Optional<Row> pending = postern.verifications().find(identifier);
        if (pending.isEmpty()) {
            return Optional.empty();
        }
        String value = pending.get().string("value");
        String[] parts = split(value);
        if (!parts[1].isEmpty() && attempts(parts[1]) >= options.allowedAttempts()) {
            return Optional.empty();
        }
        Optional<String> plain = options.storeOTP().reveal(parts[0], postern.config().secrets());
        if (plain.isPresent()) {
            postern.store().transaction(tx -> {
                VerificationService verifications = postern.verifications().in(tx);
                verifications.delete(identifier);
                return verifications.create(identifier, value, options.expiresIn());
            });
        }
        return plain;
    }

    /** Hands the code to the configured sender, or mails it with the {@code EMAIL_OTP} template. */
    void send(Postern postern, String email, String otp, String type) {
        if (options.sendVerificationOTP() != null) {
            options.sendVerificationOTP().send(new OtpSender.OneTimeCode(email, otp, type));
        } else {
            AuthMails.send(postern.config(), MailKind.EMAIL_OTP, email, Map.of("otp", otp, "email", email, "type", type));
        }
    }

    /**
     * better-auth's {@code atomicVerifyOTP}. The atomic consume is the single gate, so two concurrent guesses
     * can never both be compared. A wrong guess puts the code back with one more attempt and its original
     * expiry; a code out of attempts stays consumed ({@code TOO_MANY_ATTEMPTS}, 403). A right one is spent,
     * unless {@code keep} (the check-only routes), which puts it back unchanged for the follow-up call.
     */
    void verify(Postern postern, String identifier, String otp, boolean keep) {
        verify(postern, postern.verifications(), identifier, otp, keep);
    }

    /** {@link #verify(Postern, String, String, boolean)} through {@code verifications} (a transaction's). */
    void verify(Postern postern, VerificationService verifications, String identifier, String otp, boolean keep) {
        Optional<Row> existing = verifications.findLatest(identifier);
        if (existing.isPresent() && !unexpired(postern, existing.get())) {
            verifications.delete(identifier);
            throw EmailOtpErrorCodes.OTP_EXPIRED.toException(Status.BAD_REQUEST);
        }
        Row consumed = verifications.consume(identifier).orElseThrow(OtpCodes::invalid);
        String[] parts = split(String.valueOf(consumed.string("value")));
        int used = attempts(parts[1]);
        if (used >= options.allowedAttempts()) {
            throw EmailOtpErrorCodes.TOO_MANY_ATTEMPTS.toException(Status.FORBIDDEN);
        }
        if (!options.storeOTP().matches(parts[0], otp, postern.config().secrets())) {
            verifications.create(identifier, parts[0] + ":" + (used + 1), remaining(postern, consumed));
            throw invalid();
        }
        if (!keep) {
            return;
        }
        if (verifications.find(identifier).isPresent()) {
            // Another code was issued meanwhile; this one is no longer the pending one.
            throw invalid();
        }
        verifications.create(identifier, consumed.string("value"), remaining(postern, consumed));
    }

    static ApiException invalid() {
        return EmailOtpErrorCodes.INVALID_OTP.toException(Status.BAD_REQUEST);
    }

    /** {@code [code, attempts]} split at the last colon (an encrypted code may contain colons). */
    static String[] split(String value) {
        int colon = value.lastIndexOf(':');
        return colon < 0 ? new String[] {value, ""} : new String[] {value.substring(0, colon), value.substring(colon + 1)};
    }

    /** {@code parseInt} of the attempts part: digits up to the first other character, 0 when none. */
    private static int attempts(String text) {
        int end = 0;
        while (end < text.length() && end < 9 && Character.isDigit(text.charAt(end))) {
            end++;
        }
        return end == 0 ? 0 : Integer.parseInt(text.substring(0, end));
    }

    private static boolean unexpired(Postern postern, Row row) {
        Instant expiresAt = row.instant("expiresAt");
        return expiresAt != null && expiresAt.isAfter(postern.config().clock().instant());
    }

    /** What is left of the row's lifetime, so a put-back code keeps its original expiry. */
    private static Duration remaining(Postern postern, Row row) {
        Duration left = Duration.between(postern.config().clock().instant(), row.instant("expiresAt"));
        return left.isNegative() || left.isZero() ? Duration.ofMillis(1) : left;
    }
}
