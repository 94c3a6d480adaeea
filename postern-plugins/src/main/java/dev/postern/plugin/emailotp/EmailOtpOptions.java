package dev.postern.plugin.emailotp;

import java.time.Duration;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * Settings of {@link EmailOtpPlugin}, better-auth's {@code emailOTP} options with its defaults:
 * <pre>{@code
 * EmailOtpOptions.builder().otpLength(8).storeOTP(OtpStorage.HASHED).disableSignUp(true).build()
 * }</pre>
 *
 * @param otpLength digits of a generated code (6)
 * @param expiresIn how long a code works (5 minutes)
 * @param allowedAttempts wrong guesses before the code is spent with {@code TOO_MANY_ATTEMPTS} (3)
 * @param storeOTP how codes are kept in the {@code verification} table ({@link OtpStorage#PLAIN})
 * @param resendStrategy whether asking again mails a new code or the pending one ({@link ResendStrategy#ROTATE})
 * @param disableSignUp refuse to create accounts on {@code /sign-in/email-otp}
 * @param sendVerificationOnSignUp mail an {@code email-verification} code after every sign-up
 * @param overrideDefaultEmailVerification send a code instead of the verification link wherever the
 *                                         email-password flows send one
 * @param changeEmail the {@code /email-otp/request-email-change} and {@code /email-otp/change-email} flow
 * @param rateLimitWindow window of the rate-limit rule on each endpoint (60 s)
 * @param rateLimitMax requests per client, path and window (3)
 * @param sendVerificationOTP delivers codes; null mails them with Postern's mailer
 * @param generateOTP makes a code from (email, type); null, or a null result, for random digits
 */
public record EmailOtpOptions(int otpLength, Duration expiresIn, int allowedAttempts, OtpStorage storeOTP,
                              ResendStrategy resendStrategy, boolean disableSignUp, boolean sendVerificationOnSignUp,
                              boolean overrideDefaultEmailVerification, ChangeEmail changeEmail,
                              Duration rateLimitWindow, int rateLimitMax, OtpSender sendVerificationOTP,
                              BiFunction<String, String, String> generateOTP) {

    /** better-auth's {@code resendStrategy}. */
    public enum ResendStrategy {
        /** A new code each time; the pending one stops working. */
        ROTATE,
        /** The pending code again, with its expiry renewed, while it is unspent and recoverable (not hashed). */
        REUSE
    }

    /**
     * better-auth's {@code changeEmail} option.
     *
     * @param enabled whether the change-email endpoints work at all (false)
     * @param verifyCurrentEmail require an {@code email-verification} code of the current address too
     */
    public record ChangeEmail(boolean enabled, boolean verifyCurrentEmail) {
        public static final ChangeEmail DISABLED = new ChangeEmail(false, false);
    }

    public EmailOtpOptions {
        Objects.requireNonNull(expiresIn, "expiresIn");
        Objects.requireNonNull(storeOTP, "storeOTP");
        Objects.requireNonNull(resendStrategy, "resendStrategy");
        Objects.requireNonNull(changeEmail, "changeEmail");
        Objects.requireNonNull(rateLimitWindow, "rateLimitWindow");
        if (otpLength < 1 || otpLength > 64) {
            throw new IllegalArgumentException("otpLength: 1 to 64, was " + otpLength);
        }
        if (expiresIn.isNegative() || expiresIn.isZero()) {
            throw new IllegalArgumentException("expiresIn: must be positive, was " + expiresIn);
        }
        if (allowedAttempts < 1) {
            throw new IllegalArgumentException("allowedAttempts: at least 1, was " + allowedAttempts);
        }
        if (rateLimitWindow.isNegative() || rateLimitWindow.isZero() || rateLimitMax < 1) {
            throw new IllegalArgumentException("rateLimit: window and max must be positive");
        }
    }

    public static EmailOtpOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects options; every one has better-auth's default. */
    public static final class Builder {
        private int otpLength = 6;
        private Duration expiresIn = Duration.ofMinutes(5);
        private int allowedAttempts = 3;
        private OtpStorage storeOTP = OtpStorage.PLAIN;
        private ResendStrategy resendStrategy = ResendStrategy.ROTATE;
        private boolean disableSignUp;
        private boolean sendVerificationOnSignUp;
        private boolean overrideDefaultEmailVerification;
        private ChangeEmail changeEmail = ChangeEmail.DISABLED;
        private Duration rateLimitWindow = Duration.ofSeconds(60);
        private int rateLimitMax = 3;
        private OtpSender sendVerificationOTP;
        private BiFunction<String, String, String> generateOTP;

        private Builder() {
        }

        public Builder otpLength(int value) {
            this.otpLength = value;
            return this;
        }

        public Builder expiresIn(Duration value) {
            this.expiresIn = value;
            return this;
        }

        public Builder allowedAttempts(int value) {
            this.allowedAttempts = value;
            return this;
        }

        public Builder storeOTP(OtpStorage value) {
            this.storeOTP = value;
            return this;
        }

        public Builder resendStrategy(ResendStrategy value) {
            this.resendStrategy = value;
            return this;
        }

        public Builder disableSignUp(boolean value) {
            this.disableSignUp = value;
            return this;
        }

        public Builder sendVerificationOnSignUp(boolean value) {
            this.sendVerificationOnSignUp = value;
            return this;
        }

        public Builder overrideDefaultEmailVerification(boolean value) {
            this.overrideDefaultEmailVerification = value;
            return this;
        }

        public Builder changeEmail(ChangeEmail value) {
            this.changeEmail = value;
            return this;
        }

        public Builder rateLimit(Duration window, int max) {
            this.rateLimitWindow = window;
            this.rateLimitMax = max;
            return this;
        }

        public Builder sendVerificationOTP(OtpSender value) {
            this.sendVerificationOTP = value;
            return this;
        }

        public Builder generateOTP(BiFunction<String, String, String> value) {
            this.generateOTP = value;
            return this;
        }

        public EmailOtpOptions build() {
            return new EmailOtpOptions(otpLength, expiresIn, allowedAttempts, storeOTP, resendStrategy, disableSignUp,
                    sendVerificationOnSignUp, overrideDefaultEmailVerification, changeEmail, rateLimitWindow,
                    rateLimitMax, sendVerificationOTP, generateOTP);
        }
    }
}
