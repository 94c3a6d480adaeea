package dev.postern.plugin.haveibeenpwned;

import dev.postern.plugin.Plugin;
import dev.postern.plugin.PluginFactory;
import dev.postern.plugin.options.PluginOptions;
import java.net.URI;
import java.util.Map;

/**
 * Enables {@link HaveIBeenPwnedPlugin} in the standalone server ({@code POSTERN_PLUGINS=have-i-been-pwned}),
 * with better-auth's option names and the range API's address:
 * <pre>{@code
 * plugins:
 *   have-i-been-pwned:
 *     enabled: true
 *     paths: [/sign-up/email, /change-password, /reset-password]   # default: better-auth's list
 *     customPasswordCompromisedMessage: "Choose another password"
 *     rangeApiUrl: https://api.pwnedpasswords.com/range
 * }</pre>
 */
public final class HaveIBeenPwnedPluginFactory implements PluginFactory {
    @Override
    public String id() {
        return HaveIBeenPwnedPlugin.ID;
    }

    @Override
    public String description() {
        return "Refuses new passwords found in Have I Been Pwned (k-anonymity range queries)";
    }

    @Override
    public Plugin create(Map<String, Object> raw) {
        PluginOptions options = PluginOptions.of(raw);
        boolean enabled = options.bool("enabled", true);
        var paths = options.strings("paths");
        String message = options.string("customPasswordCompromisedMessage", null);
        String rangeApiUrl = options.string("rangeApiUrl", PwnedPasswords.DEFAULT_RANGE_API_URL.toString());
        options.rejectUnknown();
        return new HaveIBeenPwnedPlugin(new HaveIBeenPwnedOptions(enabled, paths, message, URI.create(rangeApiUrl)));
    }
}
