package dev.postern.plugin.emailotp;

import dev.postern.plugin.Plugin;
import dev.postern.plugin.PluginFactory;
import dev.postern.plugin.options.PluginOptions;
import java.util.Map;

/**
 * Enables {@link EmailOtpPlugin} by id in the standalone server, with better-auth's option names; codes are
 * mailed with the configured mailer and the {@code email-otp} template:
 * <pre>{@code
 * plugins:
 *   email-otp:
 *     otpLength: 6
 *     expiresIn: 300                    # seconds
 *     allowedAttempts: 3
 *     storeOTP: encrypted               # plain (default), hashed or encrypted
 *     resendStrategy: reuse             # rotate (default) or reuse
 *     disableSignUp: false
 *     sendVerificationOnSignUp: false
 *     overrideDefaultEmailVerification: true
 *     changeEmail: { enabled: true, verifyCurrentEmail: false }
 *     rateLimit: { window: 60, max: 3 }
 * }</pre>
 */
public final class EmailOtpPluginFactory implements PluginFactory {
    /** {@code storeOTP} as postern.yaml names it. */
    enum Storage { PLAIN, HASHED, ENCRYPTED }

    @Override
    public String id() {
        return EmailOtpPlugin.ID;
    }

    @Override
    public String description() {
        return "One-time codes by e-mail: sign-in, e-mail verification, password reset, change of address";
    }

    @Override
    public Plugin create(Map<String, Object> raw) {
        PluginOptions options = PluginOptions.of(raw);
        EmailOtpOptions defaults = EmailOtpOptions.defaults();
        PluginOptions changeEmail = options.section("changeEmail");
        PluginOptions rateLimit = options.section("rateLimit");
        OtpStorage storage = switch (options.choice("storeOTP", Storage.class, Storage.PLAIN)) {
            case PLAIN -> OtpStorage.PLAIN;
            case HASHED -> OtpStorage.HASHED;
            case ENCRYPTED -> OtpStorage.ENCRYPTED;
        };
        EmailOtpOptions parsed = EmailOtpOptions.builder()
                .otpLength(options.integer("otpLength", defaults.otpLength()))
                .expiresIn(options.seconds("expiresIn", defaults.expiresIn()))
                .allowedAttempts(options.integer("allowedAttempts", defaults.allowedAttempts()))
                .storeOTP(storage)
                .resendStrategy(options.choice("resendStrategy", EmailOtpOptions.ResendStrategy.class,
                        defaults.resendStrategy()))
                .disableSignUp(options.bool("disableSignUp", defaults.disableSignUp()))
                .sendVerificationOnSignUp(options.bool("sendVerificationOnSignUp", defaults.sendVerificationOnSignUp()))
                .overrideDefaultEmailVerification(options.bool("overrideDefaultEmailVerification",
                        defaults.overrideDefaultEmailVerification()))
                .changeEmail(new EmailOtpOptions.ChangeEmail(changeEmail.bool("enabled", false),
                        changeEmail.bool("verifyCurrentEmail", false)))
                .rateLimit(rateLimit.seconds("window", defaults.rateLimitWindow()),
                        rateLimit.integer("max", defaults.rateLimitMax()))
                .build();
        options.rejectUnknown();
        return new EmailOtpPlugin(parsed);
    }
}
