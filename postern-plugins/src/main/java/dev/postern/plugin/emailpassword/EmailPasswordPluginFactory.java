package dev.postern.plugin.emailpassword;

import dev.postern.plugin.Plugin;
import dev.postern.plugin.PluginFactory;
import dev.postern.plugin.options.PluginOptions;
import java.util.Map;

/**
 * Enables {@link EmailPasswordPlugin} by id in the standalone server, with better-auth's option names:
 * <pre>{@code
 * plugins:
 *   email-password:
 *     requireEmailVerification: true
 *     minPasswordLength: 12
 *     resetPasswordTokenExpiresIn: 3600      # seconds
 *     passwordHashing: argon2id              # or scrypt (default, better-auth's)
 *     emailVerification: { sendOnSignUp: true, autoSignInAfterVerification: true, expiresIn: 3600 }
 * }</pre>
 */
public final class EmailPasswordPluginFactory implements PluginFactory {
    @Override
    public String id() {
        return EmailPasswordPlugin.ID;
    }

    @Override
    public String description() {
        return "Sign-up and sign-in with e-mail and password, password reset, e-mail verification";
    }

    @Override
    public boolean alwaysEnabled() {
        return true;
    }

    @Override
    public Plugin create(Map<String, Object> raw) {
        PluginOptions options = PluginOptions.of(raw);
        EmailPasswordOptions defaults = EmailPasswordOptions.defaults();
        PluginOptions verification = options.section("emailVerification");
        EmailVerificationOptions verificationDefaults = EmailVerificationOptions.defaults();
        EmailVerificationOptions emailVerification = new EmailVerificationOptions(
                verification.optionalBool("sendOnSignUp"),
                verification.bool("sendOnSignIn", verificationDefaults.sendOnSignIn()),
                verification.bool("autoSignInAfterVerification", verificationDefaults.autoSignInAfterVerification()),
                verification.seconds("expiresIn", verificationDefaults.expiresIn()));
        EmailPasswordOptions parsed = EmailPasswordOptions.builder()
                .enabled(options.bool("enabled", defaults.enabled()))
                .disableSignUp(options.bool("disableSignUp", defaults.disableSignUp()))
                .requireEmailVerification(options.bool("requireEmailVerification", defaults.requireEmailVerification()))
                .minPasswordLength(options.integer("minPasswordLength", defaults.minPasswordLength()))
                .maxPasswordLength(options.integer("maxPasswordLength", defaults.maxPasswordLength()))
                .autoSignIn(options.bool("autoSignIn", defaults.autoSignIn()))
                .resetPasswordTokenExpiresIn(options.seconds("resetPasswordTokenExpiresIn",
                        defaults.resetPasswordTokenExpiresIn()))
                .revokeSessionsOnPasswordReset(options.bool("revokeSessionsOnPasswordReset",
                        defaults.revokeSessionsOnPasswordReset()))
                .passwordHashing(options.choice("passwordHashing", EmailPasswordOptions.PasswordHashing.class,
                        defaults.passwordHashing()))
                .emailVerification(emailVerification)
                .build();
        options.rejectUnknown();
        return new EmailPasswordPlugin(parsed);
    }
}
