package dev.postern.plugin.emailpassword;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of {@link EmailPasswordPlugin}, better-auth's {@code emailAndPassword} options with its defaults:
 * <pre>{@code
 * EmailPasswordOptions.builder().requireEmailVerification(true).minPasswordLength(12).build()
 * }</pre>
 *
 * @param enabled whether sign-in and sign-up with a password work at all
 * @param disableSignUp refuse new accounts while keeping sign-in
 * @param requireEmailVerification refuse sign-in until the address is verified; sign-up then starts no session
 * @param minPasswordLength shortest accepted password, in UTF-16 units as JavaScript counts (8)
 * @param maxPasswordLength longest accepted password (128)
 * @param autoSignIn start a session on sign-up (true)
 * @param resetPasswordTokenExpiresIn lifetime of a reset link (1 hour)
 * @param revokeSessionsOnPasswordReset sign the user out everywhere when the password is reset (false)
 * @param passwordHashing scheme for new hashes: better-auth's scrypt (default) or Argon2id
 * @param emailVerification how addresses are verified
 */
public record EmailPasswordOptions(boolean enabled, boolean disableSignUp, boolean requireEmailVerification,
                                   int minPasswordLength, int maxPasswordLength, boolean autoSignIn,
                                   Duration resetPasswordTokenExpiresIn, boolean revokeSessionsOnPasswordReset,
                                   PasswordHashing passwordHashing, EmailVerificationOptions emailVerification) {

    /** The password-hashing scheme for new passwords; both are always readable. */
    public enum PasswordHashing {
        /** better-auth's format; hashes stay usable by better-auth itself. */
        SCRYPT,
        /** OWASP-recommended Argon2id; better-auth cannot read these hashes. */
        ARGON2ID
    }

    public EmailPasswordOptions {
        Objects.requireNonNull(resetPasswordTokenExpiresIn, "resetPasswordTokenExpiresIn");
        Objects.requireNonNull(passwordHashing, "passwordHashing");
        Objects.requireNonNull(emailVerification, "emailVerification");
        if (minPasswordLength < 1) {
            throw new IllegalArgumentException("minPasswordLength: at least 1, was " + minPasswordLength);
        }
        if (maxPasswordLength < minPasswordLength) {
            throw new IllegalArgumentException("maxPasswordLength: at least minPasswordLength (" + minPasswordLength
                    + "), was " + maxPasswordLength);
        }
        if (resetPasswordTokenExpiresIn.isNegative() || resetPasswordTokenExpiresIn.isZero()) {
            throw new IllegalArgumentException("resetPasswordTokenExpiresIn: must be positive, was "
                    + resetPasswordTokenExpiresIn);
        }
    }

    public static EmailPasswordOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects options; every one has better-auth's default. */
    public static final class Builder {
        private boolean enabled = true;
        private boolean disableSignUp;
        private boolean requireEmailVerification;
        private int minPasswordLength = 8;
        private int maxPasswordLength = 128;
        private boolean autoSignIn = true;
        private Duration resetPasswordTokenExpiresIn = Duration.ofHours(1);
        private boolean revokeSessionsOnPasswordReset;
        private PasswordHashing passwordHashing = PasswordHashing.SCRYPT;
        private EmailVerificationOptions emailVerification = EmailVerificationOptions.defaults();

        private Builder() {
        }

        public Builder enabled(boolean value) {
            this.enabled = value;
            return this;
        }

        public Builder disableSignUp(boolean value) {
            this.disableSignUp = value;
            return this;
        }

        public Builder requireEmailVerification(boolean value) {
            this.requireEmailVerification = value;
            return this;
        }

        public Builder minPasswordLength(int value) {
            this.minPasswordLength = value;
            return this;
        }

        public Builder maxPasswordLength(int value) {
            this.maxPasswordLength = value;
            return this;
        }

        public Builder autoSignIn(boolean value) {
            this.autoSignIn = value;
            return this;
        }

        public Builder resetPasswordTokenExpiresIn(Duration value) {
            this.resetPasswordTokenExpiresIn = value;
            return this;
        }

        public Builder revokeSessionsOnPasswordReset(boolean value) {
            this.revokeSessionsOnPasswordReset = value;
            return this;
        }

        public Builder passwordHashing(PasswordHashing value) {
            this.passwordHashing = value;
            return this;
        }

        public Builder emailVerification(EmailVerificationOptions value) {
            this.emailVerification = value;
            return this;
        }

        public EmailPasswordOptions build() {
            return new EmailPasswordOptions(enabled, disableSignUp, requireEmailVerification, minPasswordLength,
                    maxPasswordLength, autoSignIn, resetPasswordTokenExpiresIn, revokeSessionsOnPasswordReset,
                    passwordHashing, emailVerification);
        }
    }
}
