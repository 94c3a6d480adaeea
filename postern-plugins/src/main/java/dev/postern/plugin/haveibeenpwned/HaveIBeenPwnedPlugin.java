package dev.postern.plugin.haveibeenpwned;

import dev.postern.endpoint.EndpointContext;
import dev.postern.endpoint.Hook;
import dev.postern.error.ErrorCode;
import dev.postern.http.Status;
import dev.postern.plugin.Plugin;
import dev.postern.plugin.emailpassword.EmailPasswordOptions;
import dev.postern.plugin.emailpassword.EmailPasswordPlugin;
import dev.postern.plugin.emailpassword.PasswordRules;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Refuses new passwords found in Have I Been Pwned's corpus: better-auth's {@code haveIBeenPwned} plugin,
 * with its paths, error code and message. better-auth wraps the password hasher, so the check runs when a
 * listed endpoint hashes; Postern checks in a before-hook on the same endpoints, reading the new password
 * from {@code newPassword} or else {@code password}. A password the endpoint will refuse for its length
 * anyway is left to the endpoint, so those answers stay better-auth's; other refusals that better-auth
 * decides before hashing (a wrong reset token or current password) may come after this check instead.
 */
public final class HaveIBeenPwnedPlugin implements Plugin {
    public static final String ID = "have-i-been-pwned";
    public static final ErrorCode PASSWORD_COMPROMISED = ErrorCode.of("PASSWORD_COMPROMISED",
            "The password you entered has been compromised. Please choose a different password.");

    private final HaveIBeenPwnedOptions options;
    private final PwnedPasswords pwned;

    public HaveIBeenPwnedPlugin(HaveIBeenPwnedOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        this.pwned = new PwnedPasswords(options.rangeApiUrl());
    }

    @Override
    public String id() {
        return ID;
    }

    public HaveIBeenPwnedOptions options() {
        return options;
    }

    @Override
    public List<Hook> beforeHooks() {
        if (!options.enabled()) {
            return List.of();
        }
        return List.of(Hook.onPaths(new HashSet<>(options.paths()), this::check));
    }

    @Override
    public List<ErrorCode> errorCodes() {
        return List.of(PASSWORD_COMPROMISED);
    }

    private Object check(EndpointContext ctx) {
        Optional<String> password = ctx.bodyString("newPassword").or(() -> ctx.bodyString("password"));
        if (password.isEmpty() || !withinLengthRules(ctx, password.get())) {
            return null;
        }
        if (pwned.isCompromised(password.get())) {
            String message = options.customPasswordCompromisedMessage();
            throw message == null || message.isEmpty()
                    ? PASSWORD_COMPROMISED.toException(Status.BAD_REQUEST)
                    : PASSWORD_COMPROMISED.toException(Status.BAD_REQUEST, message);
        }
        return null;
    }

    private static boolean withinLengthRules(EndpointContext ctx, String password) {
        PasswordRules rules = ctx.postern().plugin(EmailPasswordPlugin.class).map(EmailPasswordPlugin::passwordRules)
                .orElseGet(() -> {
                    EmailPasswordOptions defaults = EmailPasswordOptions.defaults();
                    return new PasswordRules(defaults.minPasswordLength(), defaults.maxPasswordLength());
                });
        return password.length() >= rules.minLength() && password.length() <= rules.maxLength();
    }
}
