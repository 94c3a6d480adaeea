package dev.postern.plugin.haveibeenpwned;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * Options of the {@code have-i-been-pwned} plugin, as better-auth's {@code haveIBeenPwned({...})} takes them,
 * plus where the range API is.
 *
 * @param enabled check at all (true)
 * @param paths endpoints whose new password is checked; empty means better-auth's defaults
 * @param customPasswordCompromisedMessage the message of the refusal; null keeps better-auth's
 * @param rangeApiUrl the Pwned Passwords range API ({@code https://api.pwnedpasswords.com/range})
 */
public record HaveIBeenPwnedOptions(boolean enabled, List<String> paths, String customPasswordCompromisedMessage,
                                    URI rangeApiUrl) {
    public static final List<String> DEFAULT_PATHS = List.of("/sign-up/email", "/change-password", "/reset-password",
            "/email-otp/reset-password", "/phone-number/reset-password", "/admin/create-user", "/admin/set-user-password");

    public HaveIBeenPwnedOptions {
        paths = paths == null || paths.isEmpty() ? DEFAULT_PATHS : List.copyOf(paths);
        rangeApiUrl = Objects.requireNonNullElse(rangeApiUrl, PwnedPasswords.DEFAULT_RANGE_API_URL);
    }

    public static HaveIBeenPwnedOptions defaults() {
        return new HaveIBeenPwnedOptions(true, null, null, null);
    }

    public HaveIBeenPwnedOptions withRangeApiUrl(URI url) {
        return new HaveIBeenPwnedOptions(enabled, paths, customPasswordCompromisedMessage, url);
    }
}
