package dev.postern.plugin.twofactor;

import dev.postern.Postern;
import dev.postern.crypto.Passwords;
import dev.postern.http.Status;
import dev.postern.plugin.emailpassword.EmailPasswordErrorCodes;
import dev.postern.plugin.emailpassword.EmailPasswordOptions;
import dev.postern.plugin.emailpassword.EmailPasswordPlugin;
import dev.postern.plugin.emailpassword.PasswordRules;
import java.util.Optional;

/**
 * The password proof in front of enabling, disabling and managing 2FA (better-auth's
 * {@code shouldRequirePassword} + {@code validatePassword}/{@code checkPassword}): 400
 * {@code INVALID_PASSWORD} when it is missing or wrong, or when the user has no password at all; with
 * {@code allowPasswordless} a user without a password needs none. Passwords are checked with the
 * email-password plugin's hasher when it is on.
 */
final class PasswordCheck {
    private final boolean allowPasswordless;

    PasswordCheck(boolean allowPasswordless) {
        this.allowPasswordless = allowPasswordless;
    }

    void require(Postern postern, String userId, Optional<String> password) {
        Optional<String> hash = postern.accounts().credentialOf(userId).map(a -> a.string("password"));
        if (allowPasswordless && hash.isEmpty()) {
            return;
        }
        if (password.isEmpty()) {
            throw invalid();
        }
        rules(postern).requireNotTooLong(password.get());
        Passwords passwords = passwords(postern);
        if (hash.isEmpty()) {
            // Same work as a wrong password, so timing does not tell whether the user has one.
            passwords.verifyDummy(password.get());
            throw invalid();
        }
        if (!passwords.verify(hash.get(), password.get())) {
            throw invalid();
        }
    }

    private static Passwords passwords(Postern postern) {
        return postern.plugin(EmailPasswordPlugin.class).map(EmailPasswordPlugin::passwords)
                .orElseGet(Fallback::passwords);
    }

    private static PasswordRules rules(Postern postern) {
        return postern.plugin(EmailPasswordPlugin.class).map(EmailPasswordPlugin::passwordRules)
                .orElseGet(Fallback::rules);
    }

    private static dev.postern.error.ApiException invalid() {
        return EmailPasswordErrorCodes.INVALID_PASSWORD.toException(Status.BAD_REQUEST);
    }

    /** Shared hasher and rules when the email-password plugin is off (passkey-only or social-only apps). */
    private static final class Fallback {
        private static final Passwords PASSWORDS = Passwords.withDefaults();
        private static final EmailPasswordOptions DEFAULTS = EmailPasswordOptions.defaults();

        static Passwords passwords() {
            return PASSWORDS;
        }

        static PasswordRules rules() {
            return new PasswordRules(DEFAULTS.minPasswordLength(), DEFAULTS.maxPasswordLength());
        }
    }
}
