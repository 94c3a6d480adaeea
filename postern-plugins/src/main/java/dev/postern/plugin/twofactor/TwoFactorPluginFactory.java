package dev.postern.plugin.twofactor;

import dev.postern.plugin.Plugin;
import dev.postern.plugin.PluginFactory;
import dev.postern.plugin.options.PluginOptions;
import dev.postern.plugin.twofactor.TwoFactorOptions.AccountLockoutOptions;
import dev.postern.plugin.twofactor.TwoFactorOptions.BackupCodeOptions;
import dev.postern.plugin.twofactor.TwoFactorOptions.BackupCodeStorage;
import dev.postern.plugin.twofactor.TwoFactorOptions.OtpOptions;
import dev.postern.plugin.twofactor.TwoFactorOptions.OtpStorage;
import dev.postern.plugin.twofactor.TwoFactorOptions.TotpOptions;
import java.time.Duration;
import java.util.Map;

/**
 * Enables {@link TwoFactorPlugin} in the standalone server ({@code POSTERN_PLUGINS=two-factor}) with
 * better-auth's option names. {@code otpOptions.sendOTP: email} mails codes through the configured mailer
 * (better-auth takes a function there; this is the built-in one):
 * <pre>{@code
 * plugins:
 *   two-factor:
 *     issuer: My App
 *     totpOptions: { digits: 6, period: 30 }
 *     otpOptions: { sendOTP: email, period: 3, storeOTP: hashed }
 *     backupCodeOptions: { amount: 10, storeBackupCodes: encrypted }
 *     accountLockout: { maxFailedAttempts: 10, durationSeconds: 900 }
 * }</pre>
 */
public final class TwoFactorPluginFactory implements PluginFactory {
    @Override
    public String id() {
        return TwoFactorPlugin.ID;
    }

    @Override
    public String description() {
        return "Second factor: TOTP, e-mailed one-time codes, backup codes, trusted devices, account lockout";
    }

    @Override
    public Plugin create(Map<String, Object> raw) {
        PluginOptions options = PluginOptions.of(raw);
        TwoFactorOptions defaults = TwoFactorOptions.defaults();
        String issuer = options.string("issuer", null);

        PluginOptions totpSection = options.section("totpOptions");
        TotpOptions totp = new TotpOptions(totpSection.integer("digits", 6), totpSection.integer("period", 30),
                totpSection.bool("disable", false));

        PluginOptions otpSection = options.section("otpOptions");
        String sender = otpSection.string("sendOTP", null);
        if (sender != null && !sender.equals("email")) {
            throw new IllegalArgumentException("two-factor.otpOptions.sendOTP: only \"email\" is built in; got " + sender);
        }
        OtpOptions otp = new OtpOptions(sender == null ? null : OtpSender.email(),
                Duration.ofMinutes(otpSection.integer("period", 3)), otpSection.integer("digits", 6),
                otpSection.integer("allowedAttempts", 5), otpSection.choice("storeOTP", OtpStorage.class, OtpStorage.PLAIN));

        PluginOptions backupSection = options.section("backupCodeOptions");
        BackupCodeOptions backupCodes = new BackupCodeOptions(backupSection.integer("amount", 10),
                backupSection.integer("length", 10),
                backupSection.choice("storeBackupCodes", BackupCodeStorage.class, BackupCodeStorage.ENCRYPTED));

        PluginOptions lockoutSection = options.section("accountLockout");
        AccountLockoutOptions lockout = new AccountLockoutOptions(lockoutSection.bool("enabled", true),
                lockoutSection.integer("maxFailedAttempts", 10),
                lockoutSection.seconds("durationSeconds", Duration.ofSeconds(900)));

        TwoFactorOptions built = new TwoFactorOptions(issuer, totp, otp, backupCodes,
                options.bool("skipVerificationOnEnable", false), options.bool("allowPasswordless", false),
                options.seconds("twoFactorCookieMaxAge", defaults.twoFactorCookieMaxAge()),
                options.seconds("trustDeviceMaxAge", defaults.trustDeviceMaxAge()), lockout);
        options.rejectUnknown();
        return new TwoFactorPlugin(built);
    }
}
