package dev.postern.plugin.onetimetoken;

import dev.postern.plugin.Plugin;
import dev.postern.plugin.PluginFactory;
import dev.postern.plugin.options.PluginOptions;
import java.time.Duration;
import java.util.Map;

/**
 * Enables {@link OneTimeTokenPlugin} in the standalone server ({@code POSTERN_PLUGINS=one-time-token}) with
 * better-auth's option names; {@code expiresIn} is in minutes, as there. {@code generateToken} and a
 * custom hasher are functions, so they exist in the Java API only:
 * <pre>{@code
 * plugins:
 *   one-time-token: { expiresIn: 3, storeToken: hashed, disableClientRequest: false,
 *                     disableSetSessionCookie: false, setOttHeaderOnNewSession: false }
 * }</pre>
 */
public final class OneTimeTokenPluginFactory implements PluginFactory {
    /** {@code storeToken} in postern.yaml. */
    enum StoreToken { PLAIN, HASHED }

    @Override
    public String id() {
        return OneTimeTokenPlugin.ID;
    }

    @Override
    public String description() {
        return "Single-use, short-lived tokens that hand a session to another context";
    }

    @Override
    public Plugin create(Map<String, Object> raw) {
        PluginOptions options = PluginOptions.of(raw);
        OneTimeTokenOptions.Builder builder = OneTimeTokenOptions.builder()
                .expiresIn(Duration.ofMinutes(options.integer("expiresIn", 3)))
                .disableClientRequest(options.bool("disableClientRequest", false))
                .disableSetSessionCookie(options.bool("disableSetSessionCookie", false))
                .setOttHeaderOnNewSession(options.bool("setOttHeaderOnNewSession", false))
                .storeToken(options.choice("storeToken", StoreToken.class, StoreToken.PLAIN) == StoreToken.HASHED
                        ? OneTimeTokenOptions.HASHED : OneTimeTokenOptions.PLAIN);
        options.rejectUnknown();
        return new OneTimeTokenPlugin(builder.build());
    }
}
