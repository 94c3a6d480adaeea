package dev.postern.plugin.onetap;

import dev.postern.plugin.Plugin;
import dev.postern.plugin.PluginFactory;
import dev.postern.plugin.options.PluginOptions;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Enables {@link OneTapPlugin} in the standalone server ({@code POSTERN_PLUGINS=one-tap} with its options in
 * the file), with better-auth's option names:
 * <pre>{@code
 * plugins:
 *   one-tap:
 *     clientId: 1234567890-abc.apps.googleusercontent.com   # or a list
 *     disableSignup: false
 *     jwksUrl: https://www.googleapis.com/oauth2/v3/certs   # the default
 * }</pre>
 */
public final class OneTapPluginFactory implements PluginFactory {
    @Override
    public String id() {
        return OneTapPlugin.ID;
    }

    @Override
    public String description() {
        return "Google One Tap sign-in (/one-tap/callback) with ID tokens verified against Google's keys";
    }

    @Override
    public Plugin create(Map<String, Object> raw) {
        PluginOptions options = PluginOptions.of(raw);
        List<String> clientId = options.strings("clientId");
        boolean disableSignup = options.bool("disableSignup", false);
        String jwksUrl = options.string("jwksUrl", OneTapOptions.GOOGLE_JWKS_URL.toString());
        options.rejectUnknown();
        return new OneTapPlugin(new OneTapOptions(clientId, disableSignup, URI.create(jwksUrl)));
    }
}
