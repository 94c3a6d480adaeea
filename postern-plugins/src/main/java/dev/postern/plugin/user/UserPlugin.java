package dev.postern.plugin.user;

import dev.postern.Postern;
import dev.postern.crypto.Passwords;
import dev.postern.endpoint.Endpoint;
import dev.postern.error.ErrorCode;
import dev.postern.plugin.Plugin;
import dev.postern.plugin.emailpassword.EmailPasswordOptions;
import dev.postern.plugin.emailpassword.EmailPasswordPlugin;
import dev.postern.plugin.emailpassword.PasswordRules;
import java.util.List;
import java.util.Objects;

/**
 * What a signed-in user does with their own account: {@code POST /update-user}, {@code POST /change-email},
 * {@code POST /delete-user} with {@code GET /delete-user/callback}, {@code GET /list-accounts} and
 * {@code POST /unlink-account}, as better-auth's core routes of those names.
 *
 * <p>Changing the address needs {@link EmailPasswordPlugin}: its {@code /verify-email} is where the mailed
 * links lead. Passwords typed to confirm a deletion are checked with that plugin's hashing and limits when
 * it is enabled, and with better-auth's defaults otherwise.
 */
public final class UserPlugin implements Plugin {
    public static final String ID = "user";

    private final UserOptions options;

    public UserPlugin() {
        this(UserOptions.defaults());
    }

    public UserPlugin(UserOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    public String id() {
        return ID;
    }

    public UserOptions options() {
        return options;
    }

    @Override
    public List<Endpoint> endpoints() {
        DeleteUser deleteUser = new DeleteUser(this);
        AccountEndpoints accounts = new AccountEndpoints(this);
        return List.of(
                new UpdateUser().endpoint(),
                new ChangeEmail(this).endpoint(),
                deleteUser.deleteEndpoint(),
                deleteUser.callbackEndpoint(),
                accounts.listEndpoint(),
                accounts.unlinkEndpoint());
    }

    @Override
    public void init(Postern postern) {
        if (options.changeEmail().enabled() && postern.plugin(EmailPasswordPlugin.class).isEmpty()) {
            throw new IllegalStateException("user.changeEmail needs the \"" + EmailPasswordPlugin.ID
                    + "\" plugin: its /verify-email confirms the change of address");
        }
    }

    @Override
    public List<ErrorCode> errorCodes() {
        return UserPluginErrorCodes.all();
    }

    /** The password hasher of the email-password plugin, or a shared default one when it is off. */
    public static Passwords passwords(Postern postern) {
        return postern.plugin(EmailPasswordPlugin.class).map(EmailPasswordPlugin::passwords)
                .orElseGet(DefaultPasswords::instance);
    }

    /** The password length limits of the email-password plugin, or its defaults when it is off. */
    public static PasswordRules passwordRules(Postern postern) {
        return postern.plugin(EmailPasswordPlugin.class).map(EmailPasswordPlugin::passwordRules)
                .orElseGet(() -> {
                    EmailPasswordOptions defaults = EmailPasswordOptions.defaults();
                    return new PasswordRules(defaults.minPasswordLength(), defaults.maxPasswordLength());
                });
    }

    /** One shared hasher when the email-password plugin is off, so its concurrency bound holds across calls. */
    private static final class DefaultPasswords {
        private static final Passwords INSTANCE = Passwords.withDefaults();

        static Passwords instance() {
            return INSTANCE;
        }
    }
}
