package dev.postern.plugin.bearer;

import dev.postern.plugin.Plugin;
import dev.postern.plugin.PluginFactory;
import dev.postern.plugin.options.PluginOptions;
import java.util.Map;

/**
 * Enables {@link BearerPlugin} in the standalone server ({@code POSTERN_PLUGINS=bearer}), with
 * better-auth's option name:
 * <pre>{@code
 * plugins:
 *   bearer: { requireSignature: true }
 * }</pre>
 */
public final class BearerPluginFactory implements PluginFactory {
    @Override
    public String id() {
        return BearerPlugin.ID;
    }

    @Override
    public String description() {
        return "Authorization: Bearer <token> as an alternative to the session cookie; set-auth-token on sign-in";
    }

    @Override
    public Plugin create(Map<String, Object> raw) {
        PluginOptions options = PluginOptions.of(raw);
        boolean requireSignature = options.bool("requireSignature", false);
        options.rejectUnknown();
        return new BearerPlugin(new BearerOptions(requireSignature));
    }
}
