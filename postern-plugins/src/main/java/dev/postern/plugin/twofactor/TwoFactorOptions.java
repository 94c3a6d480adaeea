package dev.postern.plugin.twofactor;

import java.time.Duration;
import java.util.Objects;

/**
 * Options of the {@code two-factor} plugin with better-auth's names and defaults
 * ({@code twoFactor({issuer, totpOptions, otpOptions, backupCodeOptions, ...})}).
 *
 * @param issuer the issuer in the otpauth URI; null means the application name
 * @param totp {@code totpOptions}
 * @param otp {@code otpOptions}
 * @param backupCodes {@code backupCodeOptions}
 * @param skipVerificationOnEnable turn 2FA on at {@code /two-factor/enable} instead of at the first verified code
 * @param allowPasswordless users without a password may enable, disable and manage 2FA without one
 * @param twoFactorCookieMaxAge how long a sign-in challenge lasts ({@code two_factor} cookie, 600 s)
 * @param trustDeviceMaxAge how long a trusted device skips the challenge (30 days)
 * @param accountLockout {@code accountLockout}
 */
public record TwoFactorOptions(
        String issuer,
        TotpOptions totp,
        OtpOptions otp,
        BackupCodeOptions backupCodes,
        boolean skipVerificationOnEnable,
        boolean allowPasswordless,
        Duration twoFactorCookieMaxAge,
        Duration trustDeviceMaxAge,
        AccountLockoutOptions accountLockout) {

    public TwoFactorOptions {
        Objects.requireNonNull(totp, "totp");
        Objects.requireNonNull(otp, "otp");
        Objects.requireNonNull(backupCodes, "backupCodes");
        Objects.requireNonNull(twoFactorCookieMaxAge, "twoFactorCookieMaxAge");
        Objects.requireNonNull(trustDeviceMaxAge, "trustDeviceMaxAge");
        Objects.requireNonNull(accountLockout, "accountLockout");
    }

    /** better-auth's defaults; OTP off (no sender), as {@code twoFactor()} without {@code otpOptions.sendOTP}. */
    public static TwoFactorOptions defaults() {
        return new TwoFactorOptions(null, TotpOptions.defaults(), OtpOptions.defaults(), BackupCodeOptions.defaults(),
                false, false, Duration.ofSeconds(600), Duration.ofDays(30), AccountLockoutOptions.defaults());
    }

    public TwoFactorOptions withIssuer(String newIssuer) {
        return new TwoFactorOptions(newIssuer, totp, otp, backupCodes, skipVerificationOnEnable, allowPasswordless,
                twoFactorCookieMaxAge, trustDeviceMaxAge, accountLockout);
    }

    public TwoFactorOptions withTotp(TotpOptions newTotp) {
        return new TwoFactorOptions(issuer, newTotp, otp, backupCodes, skipVerificationOnEnable, allowPasswordless,
                twoFactorCookieMaxAge, trustDeviceMaxAge, accountLockout);
    }

    public TwoFactorOptions withOtp(OtpOptions newOtp) {
        return new TwoFactorOptions(issuer, totp, newOtp, backupCodes, skipVerificationOnEnable, allowPasswordless,
                twoFactorCookieMaxAge, trustDeviceMaxAge, accountLockout);
    }

    public TwoFactorOptions withBackupCodes(BackupCodeOptions newBackupCodes) {
        return new TwoFactorOptions(issuer, totp, otp, newBackupCodes, skipVerificationOnEnable, allowPasswordless,
                twoFactorCookieMaxAge, trustDeviceMaxAge, accountLockout);
    }

    public TwoFactorOptions withSkipVerificationOnEnable(boolean skip) {
        return new TwoFactorOptions(issuer, totp, otp, backupCodes, skip, allowPasswordless,
                twoFactorCookieMaxAge, trustDeviceMaxAge, accountLockout);
    }

    public TwoFactorOptions withAllowPasswordless(boolean allow) {
        return new TwoFactorOptions(issuer, totp, otp, backupCodes, skipVerificationOnEnable, allow,
                twoFactorCookieMaxAge, trustDeviceMaxAge, accountLockout);
    }

    public TwoFactorOptions withCookieMaxAges(Duration twoFactorCookie, Duration trustDevice) {
        return new TwoFactorOptions(issuer, totp, otp, backupCodes, skipVerificationOnEnable, allowPasswordless,
                twoFactorCookie, trustDevice, accountLockout);
    }

    public TwoFactorOptions withAccountLockout(AccountLockoutOptions lockout) {
        return new TwoFactorOptions(issuer, totp, otp, backupCodes, skipVerificationOnEnable, allowPasswordless,
                twoFactorCookieMaxAge, trustDeviceMaxAge, lockout);
    }

    /**
     * {@code totpOptions}.
     *
     * @param digits 6 or 8
     * @param period seconds per step (30)
     * @param disable switch TOTP off (OTP and backup codes only)
     */
    public record TotpOptions(int digits, int period, boolean disable) {
        public TotpOptions {
            if (digits != 6 && digits != 8) {
                throw new IllegalArgumentException("totpOptions.digits must be 6 or 8: " + digits);
            }
            if (period < 1) {
                throw new IllegalArgumentException("totpOptions.period must be positive: " + period);
            }
        }

        public static TotpOptions defaults() {
            return new TotpOptions(6, 30, false);
        }
    }

    /** How OTPs are kept in the {@code verification} table ({@code otpOptions.storeOTP}). */
    public enum OtpStorage { PLAIN, ENCRYPTED, HASHED }

    /**
     * {@code otpOptions}.
     *
     * @param sendOTP the sender; null leaves OTP unavailable ({@code OTP_NOT_CONFIGURED}), as in better-auth
     * @param period how long a code lives (3 minutes)
     * @param digits code length (6)
     * @param allowedAttempts wrong codes before a new one must be requested (5)
     * @param storeOTP {@code plain} (default), {@code encrypted} or {@code hashed}
     */
    public record OtpOptions(OtpSender sendOTP, Duration period, int digits, int allowedAttempts, OtpStorage storeOTP) {
        public OtpOptions {
            Objects.requireNonNull(period, "period");
            Objects.requireNonNull(storeOTP, "storeOTP");
            if (digits < 1 || digits > 32 || allowedAttempts < 1) {
                throw new IllegalArgumentException("otpOptions.digits and allowedAttempts must be positive");
            }
        }

        public static OtpOptions defaults() {
            return new OtpOptions(null, Duration.ofMinutes(3), 6, 5, OtpStorage.PLAIN);
        }

        public OtpOptions withSender(OtpSender sender) {
            return new OtpOptions(sender, period, digits, allowedAttempts, storeOTP);
        }

        public OtpOptions withStorage(OtpStorage storage) {
            return new OtpOptions(sendOTP, period, digits, allowedAttempts, storage);
        }
    }

    /** How backup codes are kept in {@code twoFactor.backupCodes} ({@code backupCodeOptions.storeBackupCodes}). */
    public enum BackupCodeStorage { ENCRYPTED, PLAIN }

    /**
     * {@code backupCodeOptions}.
     *
     * @param amount how many codes (10)
     * @param length characters per code before the dash (10, shown as {@code xxxxx-xxxxx})
     * @param storeBackupCodes {@code encrypted} (default) or {@code plain}
     */
    public record BackupCodeOptions(int amount, int length, BackupCodeStorage storeBackupCodes) {
        public BackupCodeOptions {
            Objects.requireNonNull(storeBackupCodes, "storeBackupCodes");
            if (amount < 1 || length < 2) {
                throw new IllegalArgumentException("backupCodeOptions.amount and length must be positive");
            }
        }

        public static BackupCodeOptions defaults() {
            return new BackupCodeOptions(10, 10, BackupCodeStorage.ENCRYPTED);
        }
    }

    /**
     * {@code accountLockout}: consecutive failed second factors, across challenges, before the account is
     * locked (NIST SP 800-63B §5.2.2).
     *
     * @param enabled on by default
     * @param maxFailedAttempts failures before the lock (10)
     * @param duration how long the lock lasts (15 minutes)
     */
    public record AccountLockoutOptions(boolean enabled, int maxFailedAttempts, Duration duration) {
        public AccountLockoutOptions {
            Objects.requireNonNull(duration, "duration");
            if (maxFailedAttempts < 1) {
                throw new IllegalArgumentException("accountLockout.maxFailedAttempts must be positive");
            }
        }

        public static AccountLockoutOptions defaults() {
            return new AccountLockoutOptions(true, 10, Duration.ofSeconds(900));
        }
    }
}
