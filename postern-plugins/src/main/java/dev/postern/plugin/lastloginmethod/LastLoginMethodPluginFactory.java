package dev.postern.plugin.lastloginmethod;

import dev.postern.plugin.Plugin;
import dev.postern.plugin.PluginFactory;
import dev.postern.plugin.options.PluginOptions;
import java.util.Map;

/**
 * Enables {@link LastLoginMethodPlugin} in the standalone server ({@code POSTERN_PLUGINS=last-login-method})
 * with better-auth's option names ({@code maxAge} in seconds). {@code customResolveMethod} and
 * {@code beforeStoreCookie} are functions, so they exist in the Java API only:
 * <pre>{@code
 * plugins:
 *   last-login-method: { cookieName: better-auth.last_used_login_method, maxAge: 2592000, storeInDatabase: true }
 * }</pre>
 */
public final class LastLoginMethodPluginFactory implements PluginFactory {
    @Override
    public String id() {
        return LastLoginMethodPlugin.ID;
    }

    @Override
    public String description() {
        return "Remembers the last sign-in method in a cookie (and optionally user.lastLoginMethod)";
    }

    @Override
    public Plugin create(Map<String, Object> raw) {
        PluginOptions options = PluginOptions.of(raw);
        LastLoginMethodOptions parsed = new LastLoginMethodOptions(
                options.string("cookieName", LastLoginMethodOptions.DEFAULT_COOKIE_NAME),
                options.seconds("maxAge", LastLoginMethodOptions.DEFAULT_MAX_AGE),
                options.bool("storeInDatabase", false), null, null);
        options.rejectUnknown();
        return new LastLoginMethodPlugin(parsed);
    }
}
